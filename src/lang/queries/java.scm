; Java: package, imports (static and on-demand included), types with extends/implements.
(package_declaration [(identifier) (scoped_identifier)] @module)
(import_declaration) @import

(class_declaration name: (identifier) @name) @definition.class
(class_declaration name: (identifier) @name superclass: (superclass (_) @base)) @definition.class
(class_declaration name: (identifier) @name interfaces: (super_interfaces (type_list (_) @base))) @definition.class
(record_declaration name: (identifier) @name) @definition.struct
(record_declaration name: (identifier) @name interfaces: (super_interfaces (type_list (_) @base))) @definition.struct
(interface_declaration name: (identifier) @name) @definition.interface
(interface_declaration name: (identifier) @name (extends_interfaces (type_list (_) @base))) @definition.interface
(enum_declaration name: (identifier) @name) @definition.enum
(enum_declaration name: (identifier) @name interfaces: (super_interfaces (type_list (_) @base))) @definition.enum
(annotation_type_declaration name: (identifier) @name) @definition.interface

(method_declaration name: (identifier) @name) @definition.method
(constructor_declaration name: (identifier) @name) @definition.method

(marker_annotation name: (_) @annotation)
(annotation name: (_) @annotation)
(annotation name: (_) @annotation arguments: (annotation_argument_list . (string_literal) @annotation.arg))
(annotation name: (_) @annotation
  arguments: (annotation_argument_list (element_value_pair key: (identifier) @_key value: (string_literal) @annotation.arg))
  (#any-of? @_key "value" "path" "topics" "queues" "destination"))

(method_invocation name: (identifier) @call.name arguments: (argument_list . (string_literal) @call.arg))

(string_literal) @string

; Static fields holding one instance: `private static final Validator validator = ...`.
(field_declaration
  (modifiers "static")
  declarator: (variable_declarator
    name: (identifier) @shared.name
    value: [(object_creation_expression type: (_) @shared.class)
            (method_invocation name: (identifier) @shared.class)]))

; Every call's name, for wiring (`http.addFilterBefore(...)`, `registry.addInterceptor(...)`).
(method_invocation name: (identifier) @call.any)

; Objects constructed, for creation code that chooses a class (`case "s3" -> new S3Store()`).
(object_creation_expression type: [(type_identifier) (scoped_type_identifier) (generic_type)] @construct)

; What a class holds (its fields' and constructor parameters' types): a class holding what it
; implements wraps it (a decorator).
(field_declaration type: (_) @type.field)
(constructor_declaration parameters: (formal_parameters (formal_parameter type: (_) @type.param)))
(record_declaration parameters: (formal_parameters (formal_parameter type: (_) @type.field)))

; Additions to a list of listeners (`listeners.add(listener)`), kept when the item is a
; parameter of the method: a subscription API written by hand (observer).
((method_invocation
   object: [(identifier) @subscribe.list (field_access field: (identifier) @subscribe.list)]
   name: (identifier) @_add
   arguments: (argument_list . (identifier) @subscribe.item .))
  (#any-of? @_add "add" "addFirst" "addLast" "push")
  (#match? @subscribe.list "(?i)(listeners|callbacks|hooks|subscribers|observers|watchers|handlers)$"))

; Chainable steps, what a builder is made of: methods returning their own class or interface
; (`JwtBuilder setSubject(…)`) or `this`; a static one returning its class is a factory method.
(class_declaration name: (identifier) @_cls
  body: (class_body (method_declaration
    type: [(type_identifier) @_ret (generic_type (type_identifier) @_ret)]) @fluent)
  (#eq? @_ret @_cls)
  (#not-match? @fluent "^[^(=]*\\bstatic\\s"))
(interface_declaration name: (identifier) @_cls
  body: (interface_body (method_declaration
    type: [(type_identifier) @_ret (generic_type (type_identifier) @_ret)]) @fluent)
  (#eq? @_ret @_cls)
  (#not-match? @fluent "^[^(=]*\\bstatic\\s"))
(method_declaration body: (block (return_statement (this)))) @fluent

; Methods declared on the class (`public static Registry getInstance()`).
((method_declaration) @class_level (#match? @class_level "^[^(={]*\\bstatic\\s"))
