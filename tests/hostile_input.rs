//! Whatever the bytes, the loader answers with a plan or a clear error — never a panic or a hang.

use std::path::Path;

use proptest::prelude::*;
use sec_timetable::io::{LoadError, parse_plan, plan_to_string};

fn saves() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("saves").expect("saves/") {
        let path = entry.expect("an entry of saves/").path();
        if path.extension().is_some_and(|e| e == "ron") {
            out.push((
                path.display().to_string(),
                std::fs::read(&path).expect("a readable save"),
            ));
        }
    }
    assert!(!out.is_empty());
    out
}

#[test]
fn every_save_round_trips_byte_stable() {
    for (name, bytes) in saves() {
        let plan = parse_plan(&bytes, Path::new(&name)).unwrap_or_else(|e| panic!("{e}"));
        let text = plan_to_string(&plan).unwrap();
        assert!(
            text.as_bytes() == bytes.as_slice(),
            "{name} is not in canonical form; run `sec-timetable` load/save on it"
        );
    }
}

/// An error is "clear" when it names the file and, for text errors, a line:column.
fn assert_clear(e: &LoadError, name: &str) {
    let msg = e.to_string();
    assert!(msg.starts_with(name), "does not name the file: {msg}");
    if matches!(e, LoadError::Syntax { .. } | LoadError::NotUtf8 { .. }) {
        let loc = e.location().expect("position");
        assert!(loc.line >= 1 && loc.column >= 1);
        assert!(
            msg.contains(&format!("{name}:{}:{}:", loc.line, loc.column)),
            "{msg}"
        );
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Truncate(usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), 1usize..200).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (
            any::<usize>(),
            prop::collection::vec(
                prop_oneof![
                    Just(b'('),
                    Just(b')'),
                    Just(b'['),
                    Just(b']'),
                    Just(b'"'),
                    Just(b','),
                    Just(b':'),
                    Just(b'9'),
                    any::<u8>()
                ],
                1..20
            )
        )
            .prop_map(|(i, v)| Mutation::Insert(i, v)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1usize..400).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

fn mutate(mut bytes: Vec<u8>, muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        let len = bytes.len().max(1);
        match m {
            Mutation::Flip(i, b) => {
                if !bytes.is_empty() {
                    bytes[i % len] = *b;
                }
            }
            Mutation::Delete(i, n) => {
                let start = i % len;
                let end = (start + n).min(bytes.len());
                if start < end {
                    bytes.drain(start..end);
                }
            }
            Mutation::Insert(i, v) => {
                let at = (i % len).min(bytes.len());
                bytes.splice(at..at, v.iter().copied());
            }
            Mutation::Truncate(i) => bytes.truncate(i % len),
            Mutation::Duplicate(i, n) => {
                let start = i % len;
                let end = (start + n).min(bytes.len());
                let chunk = bytes[start..end].to_vec();
                bytes.splice(start..start, chunk);
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn mutated_saves_never_panic(muts in prop::collection::vec(mutation(), 1..6), which in any::<usize>()) {
        let files = saves();
        let (name, bytes) = &files[which % files.len()];
        let mutated = mutate(bytes.clone(), &muts);
        match parse_plan(&mutated, Path::new(name)) {
            Ok(plan) => {
                // Whatever loaded must save and load back to itself.
                let text = plan_to_string(&plan).unwrap();
                let again = parse_plan(text.as_bytes(), Path::new(name)).unwrap();
                prop_assert_eq!(again, plan);
            }
            Err(e) => assert_clear(&e, name),
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Err(e) = parse_plan(&bytes, Path::new("random.ron")) {
            assert_clear(&e, "random.ron");
        }
    }
}

#[test]
fn each_malformed_kind_gives_its_own_clear_error() {
    let (name, bytes) = &saves()[0];
    let text = String::from_utf8(bytes.clone()).unwrap();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "truncated",
            text[..text[..text.len() / 3].rfind('\n').unwrap()].to_owned(),
            "unexpected end of file",
        ),
        (
            "wrong type",
            text.replacen("nth: 1,", "nth: \"first\",", 1),
            "Expected integer",
        ),
        (
            "bad date",
            text.replacen("\"2019-03-08\"", "\"2019-13-08\"", 1),
            "invalid date",
        ),
        (
            "unknown field",
            text.replacen("status: on_hold,", "status: on_hold, colour: red,", 1),
            "colour",
        ),
        (
            "unknown variant",
            text.replacen("status: on_hold,", "status: sleeping,", 1),
            "sleeping",
        ),
        (
            "duplicate id",
            text.replacen("id: \"SECMP0010\"", "id: \"SECMP0007\"", 1),
            "duplicate modification id \"SECMP0007\"",
        ),
        (
            "cycle",
            text.replacen(
                "status: in_refinement,\n            proposer: Some(\"DCC\"),",
                "status: in_refinement,\n            proposer: Some(\"DCC\"),\n            dependencies: [(kind: finish_to_start, on: \"SECMP0028\")],",
                1,
            ),
            "dependency cycle SECMP0028 → SECMP0067 → SECMP0028",
        ),
        (
            "end before start",
            text.replacen("end: \"2019-03-15\", owner: dcc", "end: \"2019-03-01\", owner: dcc", 1),
            "ends (2019-03-01) before it starts",
        ),
    ];
    for (what, broken, expected) in cases {
        assert_ne!(broken, text, "{what}: the mutation did not apply");
        let e = parse_plan(broken.as_bytes(), Path::new(name)).expect_err(what);
        let msg = e.to_string();
        assert!(msg.contains(expected), "{what}: {msg}");
        assert_clear(&e, name);
        assert!(e.location().is_some(), "{what}: no position in {msg}");
    }
}

#[test]
fn a_file_too_large_to_be_a_plan_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: no disk space used.
    file.set_len(sec_timetable::io::plan_file::MAX_FILE_BYTES + 1)
        .unwrap();
    let e = sec_timetable::io::load_plan(&path).unwrap_err();
    assert!(matches!(e, LoadError::TooLarge { .. }), "{e}");
    assert!(
        e.to_string()
            .contains("plans over 67108864 bytes are refused"),
        "{e}"
    );
}
