; TypeScript and TSX: as JavaScript, plus interfaces, enums, type-only imports, implements.
(import_statement source: (string) @import)
(export_statement source: (string) @import)
(import_require_clause source: (string) @import)
((call_expression function: (identifier) @import.call arguments: (arguments . (string) @import))
  (#eq? @import.call "require"))
(call_expression function: (import) arguments: (arguments . (string) @import))

(class_declaration name: (type_identifier) @name) @definition.class
(abstract_class_declaration name: (type_identifier) @name) @definition.class
(class_declaration name: (type_identifier) @name
  (class_heritage (extends_clause value: (_) @base))) @definition.class
(class_declaration name: (type_identifier) @name
  (class_heritage (implements_clause [(type_identifier) (nested_type_identifier) (generic_type)] @base))) @definition.class
(abstract_class_declaration name: (type_identifier) @name
  (class_heritage (extends_clause value: (_) @base))) @definition.class
(abstract_class_declaration name: (type_identifier) @name
  (class_heritage (implements_clause [(type_identifier) (nested_type_identifier) (generic_type)] @base))) @definition.class
(interface_declaration name: (type_identifier) @name) @definition.interface
(interface_declaration name: (type_identifier) @name (extends_type_clause type: (_) @base)) @definition.interface
(enum_declaration name: (identifier) @name) @definition.enum

(function_declaration name: (identifier) @name) @definition.function
(generator_function_declaration name: (identifier) @name) @definition.function
(lexical_declaration (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)]) @definition.function)
(method_definition name: (property_identifier) @name) @definition.method
; Chainable setters, what builders are made of: `title(text: string): this`.
(method_definition return_type: (type_annotation (this_type))) @fluent
(method_signature name: (property_identifier) @name) @definition.method
(abstract_method_signature name: (property_identifier) @name) @definition.method

(decorator [(identifier) (member_expression)] @annotation)
(decorator (call_expression function: [(identifier) (member_expression)] @annotation))
(decorator (call_expression function: [(identifier) (member_expression)] @annotation arguments: (arguments . (string) @annotation.arg)))

(call_expression
  function: [(identifier) @call.name (member_expression property: (property_identifier) @call.name)]
  arguments: (arguments . [(string) (template_string)] @call.arg))

[(string) (template_string)] @string

; Module-level instances: `const repo = new UserRepo()`, `export const redis = createClient()`,
; `const prisma = global.prisma || new PrismaClient()`.
(program (lexical_declaration (variable_declarator
  name: (identifier) @shared.name
  value: [(new_expression constructor: (_) @shared.class)
          (call_expression function: [(identifier) (member_expression)] @shared.class)
          (binary_expression right: (new_expression constructor: (_) @shared.class))])))
(program (export_statement declaration: (lexical_declaration (variable_declarator
  name: (identifier) @shared.name
  value: [(new_expression constructor: (_) @shared.class)
          (call_expression function: [(identifier) (member_expression)] @shared.class)
          (binary_expression right: (new_expression constructor: (_) @shared.class))]))))

; `var bus = new Bus()`, `module.exports = new Sockets()` and `export default new Store()`.
(program (variable_declaration (variable_declarator
  name: (identifier) @shared.name
  value: [(new_expression constructor: (_) @shared.class)
          (call_expression function: [(identifier) (member_expression)] @shared.class)])))
(program (expression_statement (assignment_expression
  left: (member_expression object: (identifier) @_module property: (property_identifier) @_exports) @shared.name
  right: (new_expression constructor: (_) @shared.class)))
  (#eq? @_module "module") (#eq? @_exports "exports"))
(program (export_statement "default" @shared.name value: (new_expression constructor: (_) @shared.class)))

; Every call's name, for wiring (`app.use(cors())`, `emitter.on(...)`).
(call_expression function: [(identifier) @call.any (member_expression property: (property_identifier) @call.any)])

; Objects constructed, for creation code that chooses a class (`case 's3': return new S3Store()`).
(new_expression constructor: [(identifier) (member_expression)] @construct)

; Classes listed in a table by key (`const adapters = { http: HttpAdapter, xhr: XhrAdapter }`).
((pair value: (identifier) @construct)
  (#match? @construct "^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$"))

; What a class holds (typed fields and constructor parameters): a class holding what it
; implements wraps it (a decorator).
(public_field_definition type: (type_annotation (_) @type.field))
((method_definition name: (property_identifier) @_ctor
  parameters: (formal_parameters [(required_parameter type: (type_annotation (_) @type.param))
                                  (optional_parameter type: (type_annotation (_) @type.param))]))
  (#eq? @_ctor "constructor"))

; Handlers wrapped in handlers (`withAuth(handler: NextApiHandler): NextApiHandler`).
(function_declaration name: (identifier) @name
  parameters: (formal_parameters (required_parameter type: (type_annotation (_) @function.takes)))
  return_type: (type_annotation (_) @function.returns)) @definition.function
(lexical_declaration (variable_declarator name: (identifier) @name
  value: (arrow_function
    parameters: (formal_parameters (required_parameter type: (type_annotation (_) @function.takes)))
    return_type: (type_annotation (_) @function.returns))) @definition.function)

; Additions to a list of listeners (`this.listeners.push(cb)`, `callbacks[event].add(fn)`), kept
; when the item is a parameter of the function: a subscription API written by hand (observer).
((call_expression
   function: (member_expression
     object: [(identifier) @subscribe.list
              (member_expression property: [(property_identifier) (private_property_identifier)] @subscribe.list)
              (subscript_expression object: [(identifier) @subscribe.list
                                             (member_expression property: [(property_identifier) (private_property_identifier)] @subscribe.list)])]
     property: (property_identifier) @_add)
   arguments: (arguments . (identifier) @subscribe.item .))
  (#any-of? @_add "push" "add" "unshift")
  (#match? @subscribe.list "(?i)(listeners|callbacks|hooks|subscribers|observers|watchers|handlers)$"))

; …and methods returning `this` without saying so in their type.
(method_definition body: (statement_block (return_statement (this)))) @fluent

; Methods declared on the class (`static getInstance()`, `static get instance()`).
((method_definition) @class_level (#match? @class_level "^[^(={]*\\bstatic\\s"))
