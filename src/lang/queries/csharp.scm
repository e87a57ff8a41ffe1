; C#: namespaces (block and file-scoped), using directives, types with base lists, attributes.
(namespace_declaration name: (_) @module)
(file_scoped_namespace_declaration name: (_) @module)
(using_directive) @import

(class_declaration name: (identifier) @name) @definition.class
(class_declaration name: (identifier) @name (base_list [(identifier) (qualified_name) (generic_name)] @base)) @definition.class
(class_declaration name: (identifier) @name (base_list (primary_constructor_base_type type: (_) @base))) @definition.class
(record_declaration name: (identifier) @name) @definition.struct
(record_declaration name: (identifier) @name (base_list [(identifier) (qualified_name) (generic_name)] @base)) @definition.struct
(struct_declaration name: (identifier) @name) @definition.struct
(struct_declaration name: (identifier) @name (base_list [(identifier) (qualified_name) (generic_name)] @base)) @definition.struct
(interface_declaration name: (identifier) @name) @definition.interface
(interface_declaration name: (identifier) @name (base_list [(identifier) (qualified_name) (generic_name)] @base)) @definition.interface
(enum_declaration name: (identifier) @name) @definition.enum

(method_declaration name: (identifier) @name) @definition.method
(constructor_declaration name: (identifier) @name) @definition.method
(local_function_statement name: (identifier) @name) @definition.function
; Properties are accessors: `public static Registry Instance => …` is how C# spells a singleton.
(property_declaration name: (identifier) @name) @definition.method

; Static fields holding one instance: `static readonly HttpClient Client = new HttpClient()`,
; `public static readonly ScriptConsole Default = new(...)`.
(field_declaration
  (modifier) @_static
  (variable_declaration
    type: (_) @shared.class
    (variable_declarator name: (identifier) @shared.name
      [(object_creation_expression) (implicit_object_creation_expression)]))
  (#eq? @_static "static"))

(attribute name: (_) @annotation)
(attribute name: (_) @annotation
  (attribute_argument_list . (attribute_argument [(string_literal) (verbatim_string_literal) (raw_string_literal)] @annotation.arg)))
;; `[ResponseCache(..., NoStore = true)]` turns caching off: the named argument is kept as the
;; attribute's argument so that rules can tell it from a cache duration.
(attribute name: (_) @annotation
  (attribute_argument_list (attribute_argument name: (identifier) @annotation.arg (#eq? @annotation.arg "NoStore"))))

(invocation_expression
  function: [(identifier) @call.name
             (member_access_expression name: (identifier) @call.name)
             (member_access_expression name: (generic_name (identifier) @call.name))]
  arguments: (argument_list . (argument [(string_literal) (verbatim_string_literal) (raw_string_literal)] @call.arg)))

[(string_literal) (verbatim_string_literal) (raw_string_literal)] @string

; Every call's name, for wiring (`app.UseExceptionHandler()`, `services.Decorate<…>()`).
(invocation_expression function: [(identifier) @call.any
                                  (generic_name (identifier) @call.any)
                                  (member_access_expression name: [(identifier) @call.any (generic_name (identifier) @call.any)])])

; Objects constructed, for creation code that chooses a class (`"s3" => new S3Store()`).
(object_creation_expression type: [(identifier) (qualified_name) (generic_name)] @construct)

; `public event Action<T> ItemAdded;`: the `event` keyword is kept like an attribute of the member.
(event_field_declaration "event" @annotation)
(event_declaration "event" @annotation)

; What a class holds (fields, constructor and primary-constructor parameters): a class
; holding what it implements wraps it (a decorator).
(field_declaration (variable_declaration type: (_) @type.field))
(constructor_declaration parameters: (parameter_list (parameter type: (_) @type.param)))
(class_declaration (parameter_list (parameter type: (_) @type.field)))

; Additions to a list of listeners (`_handlers.Add(handler)`), kept when the item is a parameter
; of the method: a subscription API written by hand (observer).
((invocation_expression
   function: (member_access_expression
     expression: [(identifier) @subscribe.list (member_access_expression name: (identifier) @subscribe.list)]
     name: (identifier) @_add)
   arguments: (argument_list . (argument (identifier) @subscribe.item) .))
  (#eq? @_add "Add")
  (#match? @subscribe.list "(?i)(listeners|callbacks|hooks|subscribers|observers|watchers|handlers)$"))

; Chainable steps, what a builder is made of: methods returning their own class or interface
; or `this` (a static one returning its class is a factory method), and extension methods
; returning the builder they extend (`static IEventBusBuilder AddRabbitMq(this IEventBusBuilder
; builder)`).
(class_declaration name: (identifier) @_cls
  body: (declaration_list (method_declaration
    returns: [(identifier) @_ret (generic_name (identifier) @_ret)]) @fluent)
  (#eq? @_ret @_cls)
  (#not-match? @fluent "^[^(=]*\\bstatic\\s"))
(interface_declaration name: (identifier) @_cls
  body: (declaration_list (method_declaration
    returns: [(identifier) @_ret (generic_name (identifier) @_ret)]) @fluent)
  (#eq? @_ret @_cls)
  (#not-match? @fluent "^[^(=]*\\bstatic\\s"))
((method_declaration
   returns: [(identifier) @_ret (generic_name (identifier) @_ret)]
   parameters: (parameter_list . (parameter (modifier) @_this
     type: [(identifier) @_extended (generic_name (identifier) @_extended)]))) @fluent
  (#eq? @_this "this")
  (#eq? @_ret @_extended))
(method_declaration body: (block (return_statement "this"))) @fluent

; Members declared on the type (`public static Cache Instance { get; }`): shared-instance accessors.
((method_declaration) @class_level (#match? @class_level "^[^(={]*\\bstatic\\s"))
((property_declaration) @class_level (#match? @class_level "^[^(={]*\\bstatic\\s"))
