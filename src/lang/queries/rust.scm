; Rust: imports are `use` trees, file-less `mod x;` items and `extern crate`.
(use_declaration argument: (_) @import)
(mod_item name: (identifier) @import.mod !body)
(extern_crate_declaration name: (identifier) @import)

(struct_item name: (type_identifier) @name) @definition.struct
(union_item name: (type_identifier) @name) @definition.struct
(enum_item name: (type_identifier) @name) @definition.enum
(trait_item name: (type_identifier) @name) @definition.trait
(trait_item
  name: (type_identifier) @name
  bounds: (trait_bounds [(type_identifier) (scoped_type_identifier) (generic_type)] @base)) @definition.trait
(impl_item trait: (_) @impl.trait type: (_) @impl.type)

(function_item name: (identifier) @name) @definition.function
(impl_item body: (declaration_list (function_item name: (identifier) @name) @definition.method))
; Chainable setters, what builders are made of: `fn with_prompt(mut self, …) -> Self`,
; `fn width(&mut self, …) -> &mut Self`.
((function_item
   parameters: (parameters . (self_parameter) @_self)
   return_type: (type_identifier) @_ret) @fluent
  (#match? @_self "^(mut )?self$")
  (#eq? @_ret "Self"))
((function_item
   parameters: (parameters . (self_parameter) @_self)
   return_type: (reference_type (mutable_specifier) type: (type_identifier) @_ret)) @fluent
  (#match? @_self "^&(\\s*'\\w+\\s+)?mut\\s+self$")
  (#eq? @_ret "Self"))
; …and those naming their own type instead of `Self` (`fn level(&mut self, …) -> &mut
; RecordBuilder<'a>` in `impl RecordBuilder<'a>`).
((impl_item
   type: [(type_identifier) @_impl (generic_type type: (type_identifier) @_impl)]
   body: (declaration_list (function_item
     parameters: (parameters . (self_parameter) @_self)
     return_type: [(type_identifier) @_ret
                   (generic_type type: (type_identifier) @_ret)
                   (reference_type (mutable_specifier)
                     type: [(type_identifier) @_ret (generic_type type: (type_identifier) @_ret)])]) @fluent))
  (#match? @_self "^(mut self|&(\\s*'\\w+\\s+)?mut\\s+self)$")
  (#eq? @_impl @_ret))
(trait_item body: (declaration_list (function_signature_item name: (identifier) @name) @definition.method))

(attribute_item (attribute [(identifier) (scoped_identifier)] @annotation))
(attribute_item (attribute [(identifier) (scoped_identifier)] @annotation
  arguments: (token_tree . (string_literal) @annotation.arg)))
; The serde traits a type derives (how it is written to and read from the wire), and clap's
; Subcommand.
((attribute_item (attribute (identifier) @_derive arguments: (token_tree (identifier) @annotation)))
  (#eq? @_derive "derive")
  (#match? @annotation "^(Serialize|Deserialize|Subcommand)$"))
; A clap command line's subcommands (`#[command(subcommand)]`): it is more than flags.
((attribute_item (attribute (identifier) @_attr arguments: (token_tree (identifier) @annotation)))
  (#match? @_attr "^(clap|command|structopt)$")
  (#eq? @annotation "subcommand"))

(call_expression
  function: [(identifier) @call.name
             (field_expression field: (field_identifier) @call.name)
             (scoped_identifier name: (identifier) @call.name)]
  arguments: (arguments . [(string_literal) (raw_string_literal)] @call.arg))
(macro_invocation
  macro: [(identifier) @call.name (scoped_identifier name: (identifier) @call.name)]
  (token_tree . [(string_literal) (raw_string_literal)] @call.arg))

[(string_literal) (raw_string_literal)] @string

; Statics: `static RE: LazyLock<Regex> = ...`.
(static_item name: (identifier) @shared.name type: (_) @shared.class)

; Every call's name, for wiring (`.wrap(Logger::default())`, `.app_data(pool)`, `.layer(…)`).
(call_expression function: [(identifier) @call.any
                            (field_expression field: (field_identifier) @call.any)
                            (scoped_identifier name: (identifier) @call.any)])

; Values constructed, for creation code that chooses an implementation
; (`"s3" => Box::new(S3Store::new(cfg))`, `Kind::Fs => FsStore { root }`).
((call_expression function: (scoped_identifier path: [(identifier) (scoped_identifier)] @construct name: (identifier) @_new))
  (#match? @_new "^(new|try_new|with_|from|try_from|open|connect|create)"))
(struct_expression name: [(type_identifier) (scoped_type_identifier)] @construct)

; What a struct holds (its fields' types): a struct holding what it implements wraps it.
(field_declaration type: (_) @type.field)
(ordered_field_declaration_list type: (_) @type.field)
; A generic wrapper implements the trait its parameter is bound by
; (`impl<W: io::Write> io::Write for CounterWriter<W>`): the struct holds what it implements.
(impl_item
  type_parameters: (type_parameters (type_parameter bounds: (trait_bounds (_) @impl.bound)))
  trait: (_) @impl.trait type: (generic_type) @impl.type)
(impl_item
  trait: (_) @impl.trait type: (generic_type) @impl.type
  (where_clause (where_predicate bounds: (trait_bounds (_) @impl.bound))))

; Additions to a list of listeners (`self.listeners.push(listener)`, `.push(Box::new(cb))`),
; kept when the item is a parameter of the function: a subscription API written by hand.
((call_expression
   function: (field_expression
     value: [(identifier) @subscribe.list (field_expression field: (field_identifier) @subscribe.list)]
     field: (field_identifier) @_add)
   arguments: (arguments . [(identifier) @subscribe.item
                            (call_expression arguments: (arguments . (identifier) @subscribe.item .))] .))
  (#eq? @_add "push")
  (#match? @subscribe.list "(?i)(listeners|callbacks|hooks|subscribers|observers|watchers|handlers)$"))

; Associated functions without a `self` parameter (`fn instance() -> &'static Self`).
(impl_item body: (declaration_list (function_item
  parameters: (parameters) @_params) @class_level)
  (#not-match? @_params "^\\(\\s*(&\\s*('\\w+\\s+)?)?(mut\\s+)?self\\b"))
