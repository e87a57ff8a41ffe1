; Ruby: `require` / `require_relative` calls are the imports; classes, modules, methods.
((call method: (identifier) @import.call arguments: (argument_list . (string) @import))
  (#any-of? @import.call "require" "require_relative" "load" "autoload"))

(class name: [(constant) (scope_resolution)] @name) @definition.class
(class name: [(constant) (scope_resolution)] @name superclass: (superclass (_) @base)) @definition.class
(module name: [(constant) (scope_resolution)] @name) @definition.module
(method name: (_) @name) @definition.method
(singleton_method name: (_) @name) @definition.method
((call method: (identifier) @_m arguments: (argument_list . [(constant) (scope_resolution)] @impl.trait)) @impl.type
  (#any-of? @_m "include" "extend" "prepend"))

(call method: (identifier) @call.name arguments: (argument_list . (string) @call.arg))

; Controller filters and callbacks read like annotations of the class body.
((call method: (identifier) @annotation)
  (#any-of? @annotation "before_action" "around_action" "after_action" "before_filter" "around_filter" "after_filter"))

(string) @string

; Every call's name, for wiring (`before_action :authenticate`, `config.middleware.use`).
(call method: (identifier) @call.any)

; Framework services called through their receiver, named whole: `Rails.cache.fetch` is
; "Rails.cache" (an application cache), `ActiveSupport::Notifications.subscribe` is
; "ActiveSupport::Notifications" (subscribers to instrumentation events).
((call receiver: (call receiver: (constant) @_rails method: (identifier)) @call.any)
  (#eq? @_rails "Rails"))
((call receiver: (scope_resolution) @call.any method: (identifier) @_subscribe)
  (#any-of? @_subscribe "subscribe" "monitor"))

; Objects constructed, for creation code that chooses a class (`when "s3" then S3Store.new`).
((call receiver: [(constant) (scope_resolution)] @construct method: (identifier) @_new)
  (#eq? @_new "new"))

; Class-level memoised instances: `def self.cache; @cache ||= Cache.new; end` (also inside
; `class << self`), one object shared by every caller.
((singleton_method body: (body_statement (operator_assignment
    left: (instance_variable) @shared.name
    right: (call receiver: [(constant) (scope_resolution)] @shared.class method: (identifier) @_new))))
  (#eq? @_new "new"))
((singleton_class (body_statement (method body: (body_statement (operator_assignment
    left: (instance_variable) @shared.name
    right: (call receiver: [(constant) (scope_resolution)] @shared.class method: (identifier) @_new))))))
  (#eq? @_new "new"))
; The class's own instance kept by the class (`def self.default; @default ||= new; end`,
; `@instance = new` in the class body): a bare `new` constructs the enclosing class.
((class name: [(constant) (scope_resolution)] @shared.class (body_statement
    [(operator_assignment left: (instance_variable) @shared.name right: (identifier) @_new)
     (assignment left: (instance_variable) @shared.name right: (identifier) @_new)]))
  (#eq? @_new "new"))
((class name: [(constant) (scope_resolution)] @shared.class (body_statement (singleton_method
    body: (body_statement [(operator_assignment left: (instance_variable) @shared.name right: (identifier) @_new)
                           (assignment left: (instance_variable) @shared.name right: (identifier) @_new)]))))
  (#eq? @_new "new"))
((class name: [(constant) (scope_resolution)] @shared.class (body_statement (singleton_class (body_statement (method
    body: (body_statement [(operator_assignment left: (instance_variable) @shared.name right: (identifier) @_new)
                           (assignment left: (instance_variable) @shared.name right: (identifier) @_new)]))))))
  (#eq? @_new "new"))

; Classes listed in a table by key (`FORMATTERS = { json: Json, csv: Csv }`): a choice made by
; lookup.
(pair value: [(constant) (scope_resolution)] @construct)

; Additions to a list of listeners (`@callbacks << block`, `listeners[event] << handler`,
; kept when the item is a parameter of the method: a subscription API.
((binary
   left: (_) @subscribe.list
   operator: "<<"
   right: (identifier) @subscribe.item)
  (#match? @subscribe.list "([Ll]isteners|[Cc]allbacks|[Hh]ooks|[Ss]ubscribers|[Oo]bservers|[Ww]atchers|[Hh]andlers|[Pp]rocs)(\\[.*\\])?$"))

; Chainable steps, what a builder is made of: methods ending in `self`.
(method body: (body_statement (self) .)) @fluent

; `def self.instance`: declared on the class, not its instances.
(singleton_method) @class_level
