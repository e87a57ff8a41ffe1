; PHP: namespace, `use` (grouped too), require/include, types, PHP 8 attributes.
(namespace_definition name: (namespace_name) @module)
(namespace_use_declaration) @import
[(require_expression (string) @import.path)
 (require_once_expression (string) @import.path)
 (include_expression (string) @import.path)
 (include_once_expression (string) @import.path)]

(class_declaration name: (name) @name) @definition.class
(class_declaration name: (name) @name (base_clause [(name) (qualified_name)] @base)) @definition.class
(class_declaration name: (name) @name (class_interface_clause [(name) (qualified_name)] @base)) @definition.class
(interface_declaration name: (name) @name) @definition.interface
(interface_declaration name: (name) @name (base_clause [(name) (qualified_name)] @base)) @definition.interface
(trait_declaration name: (name) @name) @definition.trait
(enum_declaration name: (name) @name) @definition.enum
(function_definition name: (name) @name) @definition.function
(method_declaration name: (name) @name) @definition.method

(attribute [(name) (qualified_name)] @annotation)
(attribute [(name) (qualified_name)] @annotation parameters: (arguments . (argument (string) @annotation.arg)))

(function_call_expression function: [(name) (qualified_name)] @call.name arguments: (arguments . (argument [(string) (encapsed_string)] @call.arg)))
(member_call_expression name: (name) @call.name arguments: (arguments . (argument [(string) (encapsed_string)] @call.arg)))
(scoped_call_expression name: (name) @call.name arguments: (arguments . (argument [(string) (encapsed_string)] @call.arg)))

[(string) (encapsed_string) (heredoc) (nowdoc)] @string

; Every call's name, for wiring (`$this->middleware('auth')`, `Event::listen(...)`).
(member_call_expression name: (name) @call.any)
(scoped_call_expression name: (name) @call.any)
; Plain functions too: `header(...)` and `http_response_code(...)` answer an HTTP request,
; `add_action(...)` subscribes a hook.
(function_call_expression function: (name) @call.any)

; Objects constructed, for creation code that chooses a class (`'s3' => new S3Store()`).
(object_creation_expression [(name) (qualified_name)] @construct)

; A class instantiated by a name held in a variable (`new $class($options)`): creation that
; picks its class at run time.
(object_creation_expression [(variable_name) (member_access_expression) (scoped_property_access_expression)] @call.dynamic_new)

; Classes listed in a table by key (`'s3' => S3Store::class`).
((array_element_initializer (string) (class_constant_access_expression . [(name) (qualified_name)] @construct (name) @_class))
  (#eq? @_class "class"))

; What a class holds (typed properties and constructor parameters): a class holding what it
; implements wraps it (a decorator).
(property_declaration type: (_) @type.field)
((method_declaration name: (name) @_ctor
  parameters: (formal_parameters [(property_promotion_parameter type: (_) @type.param)
                                  (simple_parameter type: (_) @type.param)]))
  (#eq? @_ctor "__construct"))

; Additions to a list of listeners (`$this->listeners[] = $listener`,
; `$this->hooks[$name][] = $callback`), kept when the item is a parameter of the method.
((assignment_expression
   left: (subscript_expression . [(variable_name) @subscribe.list
                                  (member_access_expression name: (name) @subscribe.list)
                                  (subscript_expression . [(variable_name) @subscribe.list
                                                           (member_access_expression name: (name) @subscribe.list)])] .)
   right: (variable_name) @subscribe.item)
  (#match? @subscribe.list "(?i)(listeners|callbacks|hooks|subscribers|observers|watchers|handlers)$"))

; A class keeping its one instance in a static property of its own type (`private static
; ?self $instance`, `protected static ?AdapterFactory $instance` in AdapterFactory).
((class_declaration name: (name) @shared.class body: (declaration_list (property_declaration
    (static_modifier)
    type: [(optional_type (named_type (name) @_type)) (named_type (name) @_type)]
    (property_element name: (variable_name) @shared.name))))
  (#eq? @_type "self"))
((class_declaration name: (name) @shared.class body: (declaration_list (property_declaration
    (static_modifier)
    type: [(optional_type (named_type (name) @_type)) (named_type (name) @_type)]
    (property_element name: (variable_name) @shared.name))))
  (#eq? @_type @shared.class))

; Chainable steps, what a builder is made of: methods declared to return `self` or `static`,
; their own class (not static ones: factory methods), or `$this`.
((method_declaration return_type: (_) @_ret) @fluent
  (#match? @_ret "^\\??(self|static)$")
  (#not-match? @fluent "^[^(=]*\\bstatic\\s"))
(class_declaration name: (name) @_cls
  body: (declaration_list (method_declaration return_type: (named_type (name) @_ret)) @fluent)
  (#eq? @_ret @_cls)
  (#not-match? @fluent "^[^(=]*\\bstatic\\s"))
((method_declaration body: (compound_statement (return_statement (variable_name (name) @_this)))) @fluent
  (#eq? @_this "this"))
; An immutable builder's steps return a changed copy (`return new self(…)`).
((method_declaration body: (compound_statement (return_statement (object_creation_expression (_) @_new)))) @fluent
  (#match? @_new "^(self|static)$"))

; Methods declared on the class (`public static function getInstance(): self`).
((method_declaration) @class_level (#match? @class_level "^[^(={]*\\bstatic\\s"))
