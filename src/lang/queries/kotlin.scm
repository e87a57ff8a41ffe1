; Kotlin: package header, imports, classes/objects with delegation specifiers.
(package_header (qualified_identifier) @module)
(import) @import

(class_declaration name: (identifier) @name) @definition.class
(class_declaration "interface" name: (identifier) @name) @definition.interface
(class_declaration name: (identifier) @name
  (delegation_specifiers (delegation_specifier (type) @base))) @definition.class
(class_declaration name: (identifier) @name
  (delegation_specifiers (delegation_specifier (constructor_invocation (type) @base)))) @definition.class
(object_declaration name: (identifier) @name) @definition.class
(object_declaration name: (identifier) @name
  (delegation_specifiers (delegation_specifier (type) @base))) @definition.class
(object_declaration name: (identifier) @name
  (delegation_specifiers (delegation_specifier (constructor_invocation (type) @base)))) @definition.class
(function_declaration name: (identifier) @name) @definition.function
(class_body (function_declaration name: (identifier) @name) @definition.method)

(annotation (type) @annotation)
(annotation (constructor_invocation (type) @annotation))
(annotation (constructor_invocation (type) @annotation
  (value_arguments . (value_argument (string_literal) @annotation.arg))))

(call_expression
  [(identifier) @call.name (navigation_expression (identifier) @call.name .)]
  (value_arguments . (value_argument (string_literal) @call.arg)))

(string_literal) @string

; Classes called, for creation code that chooses a class (`"s3" -> S3Store(config)`).
((call_expression [(identifier) @construct (navigation_expression (identifier) @construct .)] (value_arguments))
  (#match? @construct "^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$"))

; What a class holds (constructor parameters and properties), and interfaces implemented by
; delegation (`: Reporter by inner`): a class holding what it implements wraps it.
(class_parameter (type) @type.field)
(property_declaration (variable_declaration (type) @type.field))
(class_declaration name: (identifier) @name
  (delegation_specifiers (delegation_specifier (explicit_delegation (type) @base)))) @definition.class

; Additions to a list of listeners (`listeners.add(listener)`), kept when the item is a
; parameter of the function: a subscription API written by hand (observer).
((call_expression
   (navigation_expression
     [(identifier) @subscribe.list
      (navigation_expression (identifier) @subscribe.list .)]
     (identifier) @_add .)
   (value_arguments . (value_argument (identifier) @subscribe.item) .))
  (#eq? @_add "add")
  (#match? @subscribe.list "(?i)(listeners|callbacks|hooks|subscribers|observers|watchers|handlers)$"))

; An `object` is the language's singleton; one holding state is the program's one instance of
; it: a mutable property, a delegated one (`by lazy`), or one built by a constructor or a
; creating call (`val psiFileFactory = initPsiFileFactory()`). An object of constants and
; functions is a namespace, and a logger or a compiled pattern is no state of its own; nor is
; a property overriding an interface's (`override val descriptor`) or what a kotlinx
; serializer object keeps to describe its format.
(object_declaration name: (identifier) @shared.name @shared.class
  (class_body (property_declaration "var"
    (variable_declaration (identifier) @_prop)) @_decl)
  (#not-match? @_prop "(?i)^(log|logger)$")
  (#not-match? @shared.name "(Serializer|Deserializer)$")
  (#not-match? @_decl "^(@\\S+\\s+)*(\\w+\\s+)*override\\s"))
(object_declaration name: (identifier) @shared.name @shared.class
  (class_body (property_declaration
    (variable_declaration (identifier) @_prop) (property_delegate)) @_decl)
  (#not-match? @_prop "(?i)^(log|logger)$")
  (#not-match? @shared.name "(Serializer|Deserializer)$")
  (#not-match? @_decl "^(@\\S+\\s+)*(\\w+\\s+)*override\\s"))
(object_declaration name: (identifier) @shared.name @shared.class
  (class_body (property_declaration
    (variable_declaration (identifier) @_prop)
    (call_expression [(identifier) @_callee (navigation_expression (identifier) @_callee .)])) @_decl)
  (#not-match? @_prop "(?i)^(log|logger)$")
  (#not-match? @shared.name "(Serializer|Deserializer)$")
  (#not-match? @_decl "^(@\\S+\\s+)*(\\w+\\s+)*override\\s")
  (#match? @_callee "^([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*|getInstance|(init|create|build|new)[A-Z]?[A-Za-z0-9]*)$")
  (#not-match? @_callee "^(Regex|Pattern|Duration|File|Path|URI|Uri|Locale|Charset|BigDecimal|BigInteger|UUID|String|Color|Logger|LoggerFactory|KotlinLogging|MediaType|DateTimeFormatter)$"))

; Chainable steps, what a builder is made of: member functions returning their own class,
; `return this`, or `= apply { … }`.
(class_declaration name: (identifier) @_cls
  (class_body (function_declaration (user_type (identifier) @_ret)) @fluent)
  (#eq? @_ret @_cls))
(function_declaration (function_body (block (return_expression (this_expression))))) @fluent
((function_declaration (function_body (call_expression (identifier) @_apply))) @fluent
  (#eq? @_apply "apply"))

; Functions of an `object` or a companion object: declared on the type, not its instances.
(object_declaration (class_body (function_declaration) @class_level))
(companion_object (class_body (function_declaration) @class_level))
