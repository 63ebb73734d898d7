//! `kaiban-verify check` as a user runs it: real binary, real files, exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../kaiban-core/examples/applications")
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kaiban-verify"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // A command that refuses its arguments exits without reading its input, so the pipe
        // may already be closed: that is the outcome under test, not a failure.
        if let Err(e) = input.write_all(bytes) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
    }
    drop(input);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn every_example_passes() {
    for entry in std::fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        let (code, stdout, stderr) = run(
            &["check", path.to_str().unwrap(), "--today", "2026-01-01"],
            None,
        );
        assert_eq!(code, 0, "{}: {stdout}{stderr}", path.display());
        for line in stdout.lines() {
            let finding: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(finding["severity"], "warning", "{line}");
            for key in ["code", "path", "message_zh", "message_en"] {
                assert!(finding[key].is_string(), "{line}");
            }
        }
    }
}

#[test]
fn errors_exit_1_with_json_lines() {
    let mut app: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(examples().join("llc.json")).unwrap())
            .unwrap();
    app["capital"]["registered_fen"] = 1.into();
    let (code, stdout, _) = run(
        &["check", "-", "--today", "2026-01-01"],
        Some(app.to_string().as_bytes()),
    );
    assert_eq!(code, 1);
    assert!(stdout
        .lines()
        .any(|l| l.contains("\"code\":\"capital.sum_mismatch\"") && l.contains("第四十七条")));
}

#[test]
fn non_applications_exit_2_with_position() {
    let (code, _, stderr) = run(
        &["check", "-"],
        Some(b"{\"schema_version\": 1,\n\"entity_type\": 5}"),
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("line 2"), "{stderr}");
    let (code, _, stderr) = run(&["check", "-"], Some(&[0xff, 0xfe, 0x00]));
    assert_eq!(code, 2, "{stderr}");
    let (code, _, _) = run(&["check", "/no/such/file.json"], None);
    assert_eq!(code, 2);
    let (code, _, _) = run(&["check"], None);
    assert_eq!(code, 2);
    let (code, _, _) = run(&["check", "-", "--today", "someday"], Some(b"{}"));
    assert_eq!(code, 2);
}
