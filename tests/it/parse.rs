//! Extraction per language: one sample file each (fixtures/parse), snapshotted facts.

use crate::common::fixture;

fn facts(file: &str) -> arch::parse::FileFacts {
    let path = fixture("parse").join(file);
    let spec = arch::lang::for_file_name(file).expect("a registered language");
    let bytes = std::fs::read(&path).expect("sample exists");
    arch::parse::parse_file(spec, file, &bytes).expect("parses")
}

macro_rules! sample {
    ($name:ident, $file:expr) => {
        #[test]
        fn $name() {
            let facts = facts($file);
            assert_eq!(facts.syntax_errors, 0, "sample {} has syntax errors", $file);
            insta::assert_json_snapshot!(facts);
        }
    };
}

sample!(rust_sample, "sample.rs");
sample!(python_sample, "sample.py");
sample!(javascript_sample, "sample.js");
sample!(typescript_sample, "sample.ts");
sample!(go_sample, "sample.go");
sample!(java_sample, "sample.java");
sample!(kotlin_sample, "sample.kt");
sample!(csharp_sample, "sample.cs");
sample!(ruby_sample, "sample.rb");
sample!(php_sample, "sample.php");

#[test]
fn tsx_components_parse_as_tsx() {
    let spec = arch::lang::for_file_name("App.tsx").expect("tsx");
    let src = b"import { Button } from './Button';\nexport function App() { return <Button label=\"x\" />; }\n";
    let facts = arch::parse::parse_file(spec, "App.tsx", src).expect("parses");
    assert_eq!(facts.language, "tsx");
    assert_eq!(facts.syntax_errors, 0);
    assert_eq!(facts.imports[0].path, "./Button");
    assert_eq!(facts.functions[0].name, "App");
}

#[test]
fn broken_syntax_is_counted_and_facts_still_come_out() {
    let spec = arch::lang::for_file_name("x.py").expect("python");
    let src = b"import os\ndef broken(:\n    pass\nclass Ok:\n    pass\n";
    let facts = arch::parse::parse_file(spec, "x.py", src).expect("still parses");
    assert!(facts.syntax_errors > 0);
    assert_eq!(facts.imports[0].path, "os");
    assert!(facts.types.iter().any(|t| t.name == "Ok"));
}

#[test]
fn literals_are_bounded_in_size_and_number() {
    let spec = arch::lang::for_file_name("x.py").expect("python");
    let long = format!("q = \"SELECT {} FROM t\"\n", "c, ".repeat(500));
    let many: String = (0..300)
        .map(|i| format!("db.execute(\"SELECT a FROM t{i} WHERE x = 1\")\n"))
        .collect();
    let facts =
        arch::parse::parse_file(spec, "x.py", format!("{long}{many}").as_bytes()).expect("parses");
    assert!(facts.literals.len() <= 100);
    assert!(facts
        .literals
        .iter()
        .all(|l| l.value.chars().count() <= 201));
}

#[test]
fn prose_is_not_sql_and_config_lookups_are_not_routes() {
    let spec = arch::lang::for_file_name("x.js").expect("js");
    let src = b"const a = 'select a file from the list';\nconfig.get('database');\nmap.get('users/list.json');\n";
    let facts = arch::parse::parse_file(spec, "x.js", src).expect("parses");
    assert!(facts.literals.is_empty(), "{:?}", facts.literals);
}
