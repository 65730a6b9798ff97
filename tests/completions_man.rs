//! `pacte completions SHELL` and `pacte man`.

use std::process::Command;

fn pacte(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn completions_name_every_subcommand_in_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = pacte(&["completions", shell]);
        for sub in ["check", "render", "report", "sign", "completions", "man"] {
            assert!(out.contains(sub), "{shell} completion lacks `{sub}`");
        }
        assert!(out.contains("deny-warnings"), "{shell}: check's flags");
    }
}

#[test]
fn bash_completion_is_valid_bash() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("pacte.bash");
    std::fs::write(&script, pacte(&["completions", "bash"])).unwrap();
    match Command::new("bash").arg("-n").arg(&script).output() {
        Ok(o) => assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr)),
        Err(_) => eprintln!("no bash on this machine: syntax not checked"),
    }
}

#[test]
fn unknown_shell_is_refused() {
    let o = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

#[test]
fn man_page_is_roff_with_the_subcommands() {
    let out = pacte(&["man"]);
    assert!(out.contains(".TH pacte 1"));
    assert!(out.contains(".SH SUBCOMMANDS"));
    for sub in ["check", "explain", "render", "status", "completions"] {
        assert!(out.contains(&format!("pacte\\-{sub}")), "man lacks {sub}");
    }
}
