; Go: the package clause, import specs, type specs by their underlying type.
(package_clause (package_identifier) @module)
(import_spec path: (_) @import)

(type_spec name: (type_identifier) @name type: (struct_type)) @definition.struct
(type_spec name: (type_identifier) @name type: (interface_type)) @definition.interface
(type_spec name: (type_identifier) @name
  type: (struct_type (field_declaration_list (field_declaration !name type: [(type_identifier) (qualified_type) (pointer_type)] @base)))) @definition.struct
(type_spec name: (type_identifier) @name
  type: (interface_type (type_elem [(type_identifier) (qualified_type)] @base))) @definition.interface
(type_spec name: (type_identifier) @name
  type: (interface_type (method_elem name: (field_identifier) @type.method))) @definition.interface
(function_declaration name: (identifier) @name) @definition.function
(method_declaration name: (field_identifier) @name) @definition.method
(method_declaration
  receiver: (parameter_list (parameter_declaration type: [(type_identifier) @impl.type (pointer_type (type_identifier) @impl.type)]))
  name: (field_identifier) @impl.method)

(call_expression
  function: [(identifier) @call.name (selector_expression field: (field_identifier) @call.name)]
  arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal)] @call.arg))

[(interpreted_string_literal) (raw_string_literal)] @string

; Package-level instances: `var client = &http.Client{}`, `var db = NewStore()`, `var once
; sync.Once`, `var Memstore ms`, `var db *SQLiteDB`, `DefaultLoader Loader = new(Standard)`,
; alone or in a `var ( … )` block.
(source_file (var_declaration [(var_spec
  name: (identifier) @shared.name
  value: (expression_list [(unary_expression operand: (composite_literal type: (_) @shared.class))
                           (call_expression function: (_) @shared.class)]))
  (var_spec_list (var_spec
  name: (identifier) @shared.name
  value: (expression_list [(unary_expression operand: (composite_literal type: (_) @shared.class))
                           (call_expression function: (_) @shared.class)])))]))
;  `new(T)` holds a T.
(source_file (var_declaration [(var_spec
  name: (identifier) @shared.name
  value: (expression_list (call_expression function: (identifier) @_new
    arguments: (argument_list (type_identifier) @shared.class)) (#eq? @_new "new")))
  (var_spec_list (var_spec
  name: (identifier) @shared.name
  value: (expression_list (call_expression function: (identifier) @_new
    arguments: (argument_list (type_identifier) @shared.class)) (#eq? @_new "new"))))]))
(source_file (var_declaration [(var_spec
  name: (identifier) @shared.name
  type: [(qualified_type) @shared.class (type_identifier) @shared.class
         (pointer_type (type_identifier) @shared.class)]
  !value)
  (var_spec_list (var_spec
  name: (identifier) @shared.name
  type: [(qualified_type) @shared.class (type_identifier) @shared.class
         (pointer_type (type_identifier) @shared.class)]
  !value))])
  (#not-match? @shared.class "^(u?int(8|16|32|64)?|float(32|64)|string|bool|byte|rune|error|any)$"))

; Every call's name, for wiring (`r.Use(middleware)`, `bus.Subscribe(...)`).
(call_expression function: [(identifier) @call.any (selector_expression field: (field_identifier) @call.any)])

; Values constructed, for creation code that chooses an implementation (`case "s3": return &S3Store{}`,
; `return s3.NewStore(cfg)`).
(composite_literal type: [(type_identifier) (qualified_type)] @construct)
((call_expression function: [(identifier) @construct
                             (selector_expression operand: (identifier) field: (field_identifier) @_new) @construct])
  (#match? @construct "(^|\\.)[Nn]ew([A-Z]|$)"))

; What a struct holds (named fields; embedded ones are its bases above): a struct holding what
; it implements wraps it (a decorator, such as a logging http.ResponseWriter).
(field_declaration name: (_) type: (_) @type.field)

; Handlers wrapped in handlers (`func HSTS(h http.Handler) http.Handler`): hand-written middleware.
(function_declaration name: (identifier) @name
  parameters: (parameter_list (parameter_declaration type: (_) @function.takes))
  result: (_) @function.returns) @definition.function
(method_declaration name: (field_identifier) @name
  parameters: (parameter_list (parameter_declaration type: (_) @function.takes))
  result: (_) @function.returns) @definition.method

; Additions to a list of listeners (`n.onDeleted = append(n.onDeleted, cb)`), kept when the item
; is a parameter of the function: a subscription API written by hand (observer).
((assignment_statement
   left: (expression_list . [(identifier) @subscribe.list
                             (selector_expression field: (field_identifier) @subscribe.list)
                             (index_expression operand: [(identifier) @subscribe.list
                                                         (selector_expression field: (field_identifier) @subscribe.list)])] .)
   right: (expression_list . (call_expression function: (identifier) @_append
                                              arguments: (argument_list (_) (identifier) @subscribe.item .)) .))
  (#eq? @_append "append")
  (#match? @subscribe.list "(?i)(listeners|callbacks|hooks|subscribers|observers|watchers|handlers)$"))

; Chainable steps, what a builder is made of: methods returning their receiver's type
; (`func (b *RequestBuilder) WithHeader(…) *RequestBuilder`).
((method_declaration
   receiver: (parameter_list (parameter_declaration
     type: [(pointer_type (type_identifier) @_recv) (type_identifier) @_recv]))
   result: [(pointer_type (type_identifier) @_ret) (type_identifier) @_ret]) @fluent
  (#eq? @_recv @_ret))
