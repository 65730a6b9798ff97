use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Field;
use crate::rules::lifecycle::{AnnexProblem, Found};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// For each `[[annex]]` with a `sha256`: that the file its `ref` names
    /// (a path relative to the convention file) exists and still has that
    /// SHA-256. One finding per annex. Only a regular file inside the
    /// workspace root (the git root, else the folder of `pacte.toml`, else
    /// the convention's folder) is read, up to 256 MB: anything else (an
    /// absolute path or `..` out of the repository, a symlink out, a device,
    /// a FIFO) is reported as such, with nothing said of what it names.
    ///
    /// ## Why it matters
    /// An annex (a detailed budget, a programme, a map of the premises) is
    /// part of what the partners signed. Its `sha256` ties the convention to
    /// one exact version of the file: if the file was edited, replaced or
    /// lost, the partners no longer hold the document they agreed to, and a
    /// treasurer or an auditor may be shown a budget nobody signed.
    ///
    /// ## Example
    /// ```toml
    /// [[annex]]
    /// title = "Budget prévisionnel détaillé"
    /// ref = "annexes/budget.pdf"
    /// sha256 = "9f2c…"   # budget.pdf was edited since
    /// ```
    ///
    /// ## Fix
    /// Restore the annex that was signed (from git history, or the signed
    /// copy). If the new version was agreed, record its hash, which changes
    /// the terms, so the parties sign again:
    /// ```toml
    /// [[annex]]
    /// title = "Budget prévisionnel détaillé"
    /// ref = "annexes/budget.pdf"
    /// sha256 = "…"   # from `sha256sum annexes/budget.pdf`
    /// ```
    pub struct AnnexChanged {
        code: L007,
        name: "annex-changed",
        family: Lifecycle,
        levels: Levels::all(Level::Error),
        summary: "an annex with `sha256`: the file its `ref` names (relative to the convention) is missing, is not a regular file inside the workspace root, or no longer has that hash",
        help: "restore the signed version of the annex; if the new one was agreed, record its `sha256` and sign again",
    }
}

impl Rule for AnnexChanged {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for annex in cx.doc.annexes.items() {
            let Some(hash) = annex.sha256.spanned() else {
                continue;
            };
            let title = annex.title.get().cloned();
            let reference = match &annex.reference {
                Field::Ok(r) => r.value.clone(),
                Field::Invalid(_) => continue,
                Field::Absent | Field::Empty(_) => {
                    out.push(Self::META.found(
                        hash.span,
                        Found::AnnexUnverified {
                            title,
                            problem: AnnexProblem::NoReference,
                        },
                    ));
                    continue;
                }
            };
            use crate::workspace::Refusal;
            let problem = match crate::annex::sha256(cx.workspace_root, cx.base_dir, &reference) {
                Err(Refusal::Missing) => AnnexProblem::Missing { reference },
                Err(Refusal::NotRegularInside) => AnnexProblem::NotRegularInside { reference },
                Err(Refusal::TooLarge(limit)) => AnnexProblem::TooLarge {
                    reference,
                    limit_mb: limit >> 20,
                },
                Err(e) => AnnexProblem::Unreadable {
                    reference,
                    error: e.to_string(),
                },
                Ok(actual) => {
                    if actual.eq_ignore_ascii_case(hash.value.trim()) {
                        continue;
                    }
                    AnnexProblem::Changed { reference, actual }
                }
            };
            out.push(Self::META.found(hash.span, Found::AnnexUnverified { title, problem }));
        }
    }
}
