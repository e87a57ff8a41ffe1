; Python: `import a.b`, `from a.b import c` (c may itself be a module), relative forms.
(import_statement name: (dotted_name) @import)
(import_statement name: (aliased_import name: (dotted_name) @import))
(import_from_statement module_name: (_) @import name: (dotted_name) @import.name)
(import_from_statement module_name: (_) @import name: (aliased_import name: (dotted_name) @import.name))
(import_from_statement module_name: (_) @import (wildcard_import))

(class_definition name: (identifier) @name) @definition.class
(class_definition
  name: (identifier) @name
  superclasses: (argument_list [(identifier) (attribute)] @base)) @definition.class
(function_definition name: (identifier) @name) @definition.function
(class_definition body: (block (function_definition name: (identifier) @name) @definition.method))
(class_definition body: (block (decorated_definition definition: (function_definition name: (identifier) @name) @definition.method)))

(decorator [(identifier) (attribute)] @annotation)
(decorator (call function: [(identifier) (attribute)] @annotation))
(decorator (call function: [(identifier) (attribute)] @annotation arguments: (argument_list . (string) @annotation.arg)))

(call
  function: [(identifier) @call.name (attribute attribute: (identifier) @call.name)]
  arguments: (argument_list . (string) @call.arg))

(string) @string

; Module-level instances: `ctx = _PathContext()`, `engine = create_engine(...)`.
(module (expression_statement (assignment
  left: (identifier) @shared.name
  right: (call function: [(identifier) (attribute)] @shared.class))))

; Lazy globals: a function declares a module variable global and assigns it a call's result
; (`global _reader` … `_reader = geoip2.database.Reader(path)`), kept when the name was declared
; global first.
(global_statement (identifier) @shared.global)
(assignment
  left: (identifier) @shared.late
  right: (call function: [(identifier) (attribute)] @shared.class))

; Every call's name, for wiring (`post_save.connect(...)`, `app.add_middleware(...)`).
(call function: [(identifier) @call.any (attribute attribute: (identifier) @call.any)])

; Classes called, for creation code that chooses a class (`return S3Store()` under an `if`).
((call function: [(identifier) @construct (attribute attribute: (identifier) @construct)])
  (#match? @construct "^_?[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$"))
; Classes listed in a table by key (`TRANSPORTS = {"email": Email, "slack": Slack}`): a choice
; made by lookup.
((pair value: [(identifier) @construct (attribute attribute: (identifier) @construct)])
  (#match? @construct "^_?[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$"))

; What a class holds (annotated __init__ parameters and class-level annotations): a class
; holding what it implements wraps it (a decorator).
((function_definition name: (identifier) @_init
  parameters: (parameters [(typed_parameter (identifier) type: (type) @type.param)
                           (typed_default_parameter type: (type) @type.param)]))
  (#eq? @_init "__init__"))
(expression_statement (assignment left: (identifier) type: (type) @type.field))

; Additions to a list of listeners (`self._callbacks.append(cb)`, `self.hooks[name].append(fn)`),
; kept when the item is a parameter of the function: a subscription API written by hand.
((call
   function: (attribute
     object: [(identifier) @subscribe.list
              (attribute attribute: (identifier) @subscribe.list)
              (subscript value: [(identifier) @subscribe.list (attribute attribute: (identifier) @subscribe.list)])]
     attribute: (identifier) @_add)
   arguments: (argument_list . (identifier) @subscribe.item .))
  (#any-of? @_add "append" "add")
  (#match? @subscribe.list "(?i)(listeners|callbacks|hooks|subscribers|observers|watchers|handlers)$"))

; Chainable steps, what a builder is made of: methods returning `self`.
((function_definition body: (block (return_statement (identifier) @_self))) @fluent
  (#eq? @_self "self"))

; `@classmethod` / `@staticmethod` methods: declared on the class, not its instances.
(class_definition body: (block (decorated_definition
  (decorator (identifier) @_d)
  definition: (function_definition) @class_level)
  (#any-of? @_d "classmethod" "staticmethod")))
