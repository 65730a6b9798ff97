//! The view model: everything a template shows, already worded and
//! formatted for the language, with the article numbers computed here.
//!
//! Fields documented as *rich* hold a Markdown field already rendered for
//! the output format (safe HTML, or neutralised Markdown): templates print
//! them with `| safe`. Every other string is plain text that the template
//! engine escapes.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{
    Anchor, ClauseKind, ContributionKind, ContributionStatus, Currency, Document, Gender, Kind,
    Lang, Renewal, Signing, Status,
};

use crate::present::format;
use crate::present::labels::Labels;

/// The output format a view is built for (it decides how rich text is rendered).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Markdown,
    Html,
}

#[derive(Serialize)]
pub struct View {
    pub lang: &'static str,
    pub id: String,
    pub title: Option<String>,
    pub kind_title: String,
    pub draft: Option<Draft>,
    pub parties: Vec<PartyView>,
    /// rich
    pub preamble: Option<String>,
    pub object: Option<ObjectArticle>,
    pub legal_framework: Option<RichArticle>,
    pub duration: Option<DurationArticle>,
    pub commitments: Option<CommitmentsArticle>,
    pub funds: Option<FundsArticle>,
    pub governance: Option<GovernanceArticle>,
    pub schedule: Option<ScheduleArticle>,
    pub reporting: Option<ReportingArticle>,
    pub communication: Option<RichArticle>,
    pub clauses: Vec<RichArticle>,
    pub termination: Option<TerminationArticle>,
    pub disputes: Option<TextArticle>,
    pub amendments: Option<AmendmentsArticle>,
    pub annexes: Option<AnnexesArticle>,
    pub signing: SigningView,
    pub footer: FooterView,
}

#[derive(Serialize)]
pub struct Draft {
    pub mark: String,
    pub note: String,
    pub findings: Option<String>,
}

#[derive(Serialize)]
pub struct PartyView {
    pub id: String,
    pub name: String,
    pub sector: Option<String>,
    pub legal_form: Option<String>,
    pub registration: Option<String>,
    pub address: Option<String>,
    /// "M. Jean Morel, Maire"
    pub representative: Option<String>,
    /// Shown when the signatory is not the representative: "Claire Roche, Adjointe à la culture".
    pub signatory: Option<String>,
    pub mandate: Option<String>,
    /// How the document names the party afterwards: "ci-après « la Ville »".
    pub designated: Option<String>,
}

#[derive(Serialize)]
pub struct Labelled {
    pub label: String,
    pub text: String,
}

#[derive(Serialize)]
pub struct ObjectiveView {
    pub id: String,
    pub text: String,
    pub target_public: Option<String>,
    pub indicators: Vec<String>,
}

#[derive(Serialize)]
pub struct ObjectArticle {
    pub number: u32,
    pub heading: String,
    /// rich
    pub purpose: Option<String>,
    pub objectives: Vec<ObjectiveView>,
}

#[derive(Serialize)]
pub struct RichArticle {
    pub number: u32,
    pub heading: String,
    /// rich
    pub text: String,
}

#[derive(Serialize)]
pub struct TextArticle {
    pub number: u32,
    pub heading: String,
    pub text: String,
}

#[derive(Serialize)]
pub struct DurationArticle {
    pub number: u32,
    pub heading: String,
    pub sentences: Vec<String>,
}

#[derive(Serialize)]
pub struct RoleView {
    pub party: String,
    pub coordinator: bool,
    pub responsibilities: Vec<String>,
}

#[derive(Serialize)]
pub struct OfficerView {
    pub name: String,
    pub party: Option<String>,
    pub email: Option<String>,
}

#[derive(Serialize)]
pub struct CommitmentsArticle {
    pub number: u32,
    pub heading: String,
    pub roles: Vec<RoleView>,
    pub coordinator: Option<String>,
    pub officer: Option<OfficerView>,
}

#[derive(Serialize)]
pub struct ContributionRow {
    pub contributor: String,
    /// The budget year (`year`), or empty.
    pub year: String,
    pub kind: String,
    pub amount: String,
    pub status: String,
    pub description: String,
}

#[derive(Serialize)]
pub struct DisbursementRow {
    pub date: String,
    pub amount: String,
    pub from: String,
    pub condition: String,
}

#[derive(Serialize)]
pub struct LineRow {
    pub label: String,
    pub amount: String,
}

#[derive(Serialize)]
pub struct FundsArticle {
    pub number: u32,
    pub heading: String,
    pub budget: Option<String>,
    pub contributions: Vec<ContributionRow>,
    pub total_financial: Option<String>,
    pub disbursements: Vec<DisbursementRow>,
    pub holder: Option<String>,
    pub details: Vec<Labelled>,
    pub lines: Vec<LineRow>,
    pub lines_total: Option<String>,
    /// Some contribution carries `year`: the table shows the budget years.
    pub years: bool,
    /// A `subvention`: the article is about the grant.
    pub grant: bool,
    /// A `subvention`: what each funder grants, in total and for which years.
    pub grant_sentences: Vec<String>,
    /// `funds.conditions`, rich: the conditions of use of the money.
    pub conditions: Option<String>,
}

#[derive(Serialize)]
pub struct SeatRow {
    pub member: String,
    pub seats: String,
    pub women: String,
    pub voting: String,
}

#[derive(Serialize)]
pub struct GovernanceArticle {
    pub number: u32,
    pub heading: String,
    /// Decision body, members, rule, quorum, meetings, conflicts; then the
    /// management items (officers, deliberations, management, action plan).
    pub details: Vec<Labelled>,
    pub minutes: Option<String>,
    pub board: Vec<SeatRow>,
    pub management: Vec<Labelled>,
}

#[derive(Serialize)]
pub struct MilestoneRow {
    pub id: String,
    pub title: String,
    pub due: String,
    pub kind: String,
    pub owner: String,
}

#[derive(Serialize)]
pub struct ScheduleArticle {
    pub number: u32,
    pub heading: String,
    pub milestones: Vec<MilestoneRow>,
}

#[derive(Serialize)]
pub struct ReportRow {
    pub id: String,
    pub kind: String,
    pub due: String,
    pub from: String,
    pub to: String,
}

#[derive(Serialize)]
pub struct ReportingArticle {
    pub number: u32,
    pub heading: String,
    pub reports: Vec<ReportRow>,
    pub audit: Vec<Labelled>,
}

#[derive(Serialize)]
pub struct TerminationArticle {
    pub number: u32,
    pub heading: String,
    pub sentences: Vec<String>,
    pub grounds: Vec<String>,
    pub dispositions: Vec<Labelled>,
}

#[derive(Serialize)]
pub struct AmendmentRow {
    pub id: String,
    pub date: String,
    pub summary: String,
}

#[derive(Serialize)]
pub struct AmendmentsArticle {
    pub number: u32,
    pub heading: String,
    pub rule: String,
    /// The `amendment_procedure` clause, rich: replaces `rule`.
    pub procedure: Option<String>,
    pub amendments: Vec<AmendmentRow>,
}

#[derive(Serialize)]
pub struct AnnexRow {
    pub title: String,
    pub reference: Option<String>,
    pub sha256: Option<String>,
}

#[derive(Serialize)]
pub struct AnnexesArticle {
    pub number: u32,
    pub heading: String,
    pub annexes: Vec<AnnexRow>,
}

#[derive(Serialize)]
pub struct SignatureBlock {
    /// "Pour la Ville" (by its designation), else the party's name
    pub party: String,
    pub name: Option<String>,
    pub title: Option<String>,
    pub mandate: Option<String>,
}

#[derive(Serialize)]
pub struct SigningView {
    pub electronic: bool,
    pub sentence: String,
    pub blocks: Vec<SignatureBlock>,
}

#[derive(Serialize)]
pub struct FooterView {
    pub items: Vec<Labelled>,
    /// The footer as one line of plain text.
    pub line: String,
    /// The same line as the inside of a CSS string (for `@page` margin boxes).
    pub css: String,
}

/// Provenance shown in the footer.
pub struct Provenance {
    pub source: String,
    pub fingerprint: String,
    /// Already worded: "intégrés (pacte 0.1.0)" or "DIR (sha256:…)".
    pub templates: String,
    pub git: String,
}

/// The first letter in capitals: a designation at the start of a sentence.
fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Escapes a text for the inside of a double-quoted CSS string; `<` is
/// escaped too, so that nothing can close the `<style>` element; bidi
/// controls are dropped, as everywhere in HTML.
pub fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in crate::escape::strip(s).chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:x} ", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out
}

struct Builder<'a> {
    doc: &'a Document,
    l: &'a Labels,
    lang: Lang,
    target: Target,
    currency: Option<&'a Currency>,
    number: u32,
}

fn text(f: &crate::model::Text) -> Option<String> {
    f.get()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

impl<'a> Builder<'a> {
    fn rich(&self, md: &str) -> String {
        match self.target {
            Target::Html => crate::markdown::to_html(md),
            Target::Markdown => crate::markdown::to_markdown(md),
        }
    }
    fn rich_field(&self, f: &crate::model::Text) -> Option<String> {
        text(f).map(|s| self.rich(&s))
    }
    fn next(&mut self, key: &str) -> (u32, String) {
        self.number += 1;
        let title = self.l.get(&format!("article.{key}"));
        let heading = format!("{} {} – {}", self.l.get("doc.article"), self.number, title);
        (self.number, heading)
    }
    fn heading_for(&mut self, title: &str) -> (u32, String) {
        self.number += 1;
        let heading = format!("{} {} – {}", self.l.get("doc.article"), self.number, title);
        (self.number, heading)
    }
    fn party_name(&self, id: &str) -> String {
        self.doc
            .party(id)
            .and_then(|p| text(&p.name))
            .unwrap_or_else(|| id.to_string())
    }
    /// How the document names a party once introduced ("la Ville"), if the file says.
    fn designation(&self, id: &str) -> Option<String> {
        self.doc.party(id).and_then(|p| text(&p.designation))
    }
    fn amount(&self, v: Decimal) -> String {
        format::amount(v, self.currency, self.lang)
    }
    fn date(&self, d: jiff::civil::Date) -> String {
        format::date(d, self.lang)
    }
    fn days(&self, n: i64) -> String {
        let key = if n == 1 { "days.one" } else { "days.many" };
        self.l.fill(key, &[("n", &n.to_string())])
    }
    fn word<T: Copy>(&self, family: &str, v: T, s: fn(T) -> &'static str) -> String {
        self.l.get(&format!("{family}.{}", s(v))).to_string()
    }

    fn parties(&self) -> Vec<PartyView> {
        self.doc
            .parties
            .items()
            .iter()
            .map(|p| {
                let rep = p.representative.get();
                let sig = p.signatory.get();
                let person = |name: Option<String>, title: Option<String>| match (name, title) {
                    (Some(n), Some(t)) => Some(format!("{n}, {t}")),
                    (Some(n), None) => Some(n),
                    (None, Some(t)) => Some(t),
                    (None, None) => None,
                };
                let rep_text = rep.and_then(|r| {
                    let civ = match r.gender.get() {
                        Some(Gender::F) => self.l.get("doc.civility_f"),
                        Some(Gender::M) => self.l.get("doc.civility_m"),
                        _ => String::new(),
                    };
                    let name = text(&r.name).map(|n| {
                        if civ.is_empty() {
                            n
                        } else {
                            format!("{civ} {n}")
                        }
                    });
                    person(name, text(&r.title))
                });
                let sig_name = sig.and_then(|s| text(&s.name));
                let rep_name = rep.and_then(|r| text(&r.name));
                let sig_text = sig.and_then(|s| person(text(&s.name), text(&s.title)));
                let (representative, signatory) = match (rep_text, sig_text) {
                    (None, s) => (s, None),
                    (r, s) if sig_name.is_some() && sig_name != rep_name => (r, s),
                    (r, _) => (r, None),
                };
                PartyView {
                    id: text(&p.id).unwrap_or_default(),
                    name: text(&p.name).unwrap_or_default(),
                    sector: p
                        .sector
                        .get()
                        .map(|s| self.word("sector", *s, |s| s.as_str())),
                    legal_form: text(&p.legal_form),
                    registration: text(&p.registration),
                    address: text(&p.address),
                    representative,
                    signatory,
                    mandate: sig.and_then(|s| text(&s.mandate)),
                    designated: text(&p.designation)
                        .map(|d| self.l.fill("doc.designated", &[("designation", &d)])),
                }
            })
            .collect()
    }

    fn object(&mut self) -> Option<ObjectArticle> {
        let purpose = self.rich_field(&self.doc.convention.purpose);
        let objectives: Vec<ObjectiveView> = self
            .doc
            .objectives
            .items()
            .iter()
            .map(|o| ObjectiveView {
                id: text(&o.id).unwrap_or_default(),
                text: text(&o.text).unwrap_or_default(),
                target_public: text(&o.target_public),
                indicators: o
                    .indicators
                    .items()
                    .iter()
                    .map(|i| {
                        let mut parts = Vec::new();
                        let unit = text(&i.unit);
                        let with_unit = |v: String| match &unit {
                            Some(u) => format!("{v} {u}"),
                            None => v,
                        };
                        if let Some(t) = i.target.get() {
                            let t = match t {
                                crate::model::Quantity::Number(n) => {
                                    with_unit(format::number(*n, self.lang))
                                }
                                crate::model::Quantity::Text(s) => s.trim().to_string(),
                            };
                            parts.push(self.l.fill("object.target", &[("target", &t)]));
                        }
                        if let Some(b) = i.baseline.get() {
                            let b = with_unit(format::number(*b, self.lang));
                            parts.push(self.l.fill("object.baseline", &[("baseline", &b)]));
                        }
                        if i.direction.get() == Some(&crate::model::Direction::Decrease) {
                            parts.push(self.l.get("object.decrease").to_string());
                        }
                        let name = text(&i.name).unwrap_or_default();
                        if parts.is_empty() {
                            name
                        } else {
                            format!("{name} — {}", parts.join(", "))
                        }
                    })
                    .collect(),
            })
            .collect();
        if purpose.is_none() && objectives.is_empty() {
            return None;
        }
        let (number, heading) = self.next("object");
        Some(ObjectArticle {
            number,
            heading,
            purpose,
            objectives,
        })
    }

    fn rich_article(&mut self, key: &str, f: &crate::model::Text) -> Option<RichArticle> {
        let t = self.rich_field(f)?;
        let (number, heading) = self.next(key);
        Some(RichArticle {
            number,
            heading,
            text: t,
        })
    }

    fn duration(&mut self) -> Option<DurationArticle> {
        let c = &self.doc.convention;
        let mut sentences = Vec::new();
        match (c.start.get(), c.end.get()) {
            (Some(s), Some(e)) => sentences.push(self.l.fill(
                "duration.from_to",
                &[("start", &self.date(*s)), ("end", &self.date(*e))],
            )),
            (Some(s), None) => {
                sentences.push(self.l.fill("duration.from", &[("start", &self.date(*s))]))
            }
            (None, Some(e)) => {
                sentences.push(self.l.fill("duration.to", &[("end", &self.date(*e))]))
            }
            (None, None) => {}
        }
        match c.renewal.get() {
            Some(Renewal::None) => sentences.push(self.l.get("duration.renewal_none")),
            Some(Renewal::Explicit) => sentences.push(self.l.get("duration.renewal_explicit")),
            Some(Renewal::Tacit) => {
                sentences.push(match c.renewal_months.get() {
                    Some(m) => self
                        .l
                        .fill("duration.renewal_tacit", &[("months", &m.to_string())]),
                    None => self.l.get("duration.renewal_tacit_same"),
                });
                if let Some(d) = c.renewal_notice_days.get() {
                    sentences.push(
                        self.l
                            .fill("duration.renewal_notice", &[("days", &self.days(*d))]),
                    );
                }
            }
            None => {}
        }
        if sentences.is_empty() {
            return None;
        }
        let (number, heading) = self.next("duration");
        Some(DurationArticle {
            number,
            heading,
            sentences,
        })
    }

    fn commitments(&mut self) -> Option<CommitmentsArticle> {
        let roles: Vec<RoleView> = self
            .doc
            .roles
            .items()
            .iter()
            .map(|r| RoleView {
                party: r
                    .party
                    .get()
                    .map(|p| self.party_name(p))
                    .unwrap_or_default(),
                coordinator: r.coordinator.get() == Some(&true),
                responsibilities: r
                    .responsibilities
                    .items()
                    .iter()
                    .map(|s| s.value.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
            })
            .collect();
        let coordinator = self
            .doc
            .roles
            .items()
            .iter()
            .find(|r| r.coordinator.get() == Some(&true))
            .and_then(|r| text(&r.party))
            .map(|id| match self.designation(&id) {
                Some(d) => self.l.fill(
                    "commitments.coordinator_sentence",
                    &[("party", &capitalize(&d))],
                ),
                None => self.l.fill(
                    "commitments.coordinator_named",
                    &[("party", &self.party_name(&id))],
                ),
            });
        let officer = self.doc.officer.get().map(|o| OfficerView {
            name: text(&o.name).unwrap_or_default(),
            party: o.party.get().map(|p| self.party_name(p)),
            email: text(&o.email),
        });
        if roles.is_empty() && officer.is_none() {
            return None;
        }
        let (number, heading) = self.next("commitments");
        Some(CommitmentsArticle {
            number,
            heading,
            roles,
            coordinator,
            officer,
        })
    }

    fn funds(&mut self) -> Option<FundsArticle> {
        let f = self.doc.funds.get()?;
        let grant = self.doc.convention.kind() == Kind::Subvention;
        let budget = f.budget.get().map(|b| {
            if b.is_zero() {
                self.l.get("funds.budget_zero").to_string()
            } else if grant {
                self.l
                    .fill("funds.grant_budget", &[("amount", &self.amount(*b))])
            } else {
                self.l.fill("funds.budget", &[("amount", &self.amount(*b))])
            }
        });
        let years = f.contributions.items().iter().any(|c| c.year.is_present());
        let mut total = Decimal::ZERO;
        let mut any_financial = false;
        let contributions = f
            .contributions
            .items()
            .iter()
            .map(|c| {
                let kind = c.kind.get().copied();
                if kind == Some(ContributionKind::Financial) {
                    if let Some(a) = c.amount.get() {
                        total += *a;
                        any_financial = true;
                    }
                }
                ContributionRow {
                    contributor: c
                        .party
                        .get()
                        .map(|p| self.party_name(p))
                        .or_else(|| text(&c.source))
                        .unwrap_or_default(),
                    year: c.year.get().map(|y| y.to_string()).unwrap_or_default(),
                    kind: kind
                        .map(|k| self.word("contribution_kind", k, |k| k.as_str()))
                        .unwrap_or_default(),
                    amount: c.amount.get().map(|a| self.amount(*a)).unwrap_or_default(),
                    status: self.word(
                        "contribution_status",
                        c.status
                            .get()
                            .copied()
                            .unwrap_or(ContributionStatus::Granted),
                        |s| s.as_str(),
                    ),
                    description: text(&c.description).unwrap_or_default(),
                }
            })
            .collect();
        let disbursements = f
            .disbursements
            .items()
            .iter()
            .map(|d| {
                let mut condition = text(&d.condition).unwrap_or_default();
                if let Some(after) = text(&d.after) {
                    let a = self.l.fill("funds.after", &[("ref", &after)]);
                    condition = if condition.is_empty() {
                        a
                    } else {
                        format!("{condition} ({a})")
                    };
                }
                DisbursementRow {
                    date: d.date.get().map(|x| self.date(*x)).unwrap_or_default(),
                    amount: d.amount.get().map(|a| self.amount(*a)).unwrap_or_default(),
                    from: d.from.get().map(|p| self.party_name(p)).unwrap_or_default(),
                    condition,
                }
            })
            .collect();
        let holder = text(&f.holder).map(|h| {
            if h == "each" {
                self.l.get("funds.holder_each").to_string()
            } else {
                match self.designation(&h) {
                    Some(d) => self.l.fill("funds.holder", &[("party", &d)]),
                    None => self
                        .l
                        .fill("funds.holder_named", &[("party", &self.party_name(&h))]),
                }
            }
        });
        let mut details = Vec::new();
        for (key, v) in [
            ("funds.account", &f.account),
            ("funds.justification", &f.justification),
        ] {
            if let Some(t) = text(v) {
                details.push(Labelled {
                    label: self.l.get(key),
                    text: t,
                });
            }
        }
        let mut lines_sum = Decimal::ZERO;
        let lines: Vec<LineRow> = f
            .lines
            .items()
            .iter()
            .map(|l| {
                if let Some(a) = l.amount.get() {
                    lines_sum += *a;
                }
                LineRow {
                    label: text(&l.label).unwrap_or_default(),
                    amount: l.amount.get().map(|a| self.amount(*a)).unwrap_or_default(),
                }
            })
            .collect();
        let lines_total = (!lines.is_empty()).then(|| self.amount(lines_sum));
        let conditions = self.rich_field(&f.conditions);
        let grant_sentences = if grant {
            self.grant_sentences(f)
        } else {
            Vec::new()
        };
        let (number, heading) = self.next(if grant { "grant" } else { "funds" });
        Some(FundsArticle {
            number,
            heading,
            budget,
            contributions,
            total_financial: any_financial.then(|| self.amount(total)),
            disbursements,
            holder,
            details,
            lines,
            lines_total,
            years,
            grant,
            grant_sentences,
            conditions,
        })
    }

    /// One sentence per funder of a grant: its granted financial
    /// contributions in total, and their budget years. The funder is the
    /// subject, so its designation may name it.
    fn grant_sentences(&self, f: &crate::model::Funds) -> Vec<String> {
        let mut funders: Vec<(&str, Decimal, Vec<i64>)> = Vec::new();
        for c in f.contributions.items() {
            let (Some(party), Some(amount)) = (c.party.get(), c.amount.get()) else {
                continue;
            };
            let granted = c
                .status
                .get()
                .copied()
                .unwrap_or(ContributionStatus::Granted)
                == ContributionStatus::Granted;
            if c.kind.get() != Some(&ContributionKind::Financial) || !granted {
                continue;
            }
            let i = match funders.iter().position(|(p, _, _)| *p == party.as_str()) {
                Some(i) => i,
                None => {
                    funders.push((party.as_str(), Decimal::ZERO, Vec::new()));
                    funders.len() - 1
                }
            };
            funders[i].1 += *amount;
            if let Some(y) = c.year.get() {
                if !funders[i].2.contains(y) {
                    funders[i].2.push(*y);
                }
            }
        }
        funders
            .into_iter()
            .map(|(party, total, mut years)| {
                years.sort_unstable();
                let p = self.doc.party(party);
                // Named by its designation ("le Département") as the
                // subject; else a construction that needs no article.
                let designation = p.and_then(|p| text(&p.designation));
                let named = designation.is_none();
                let who = designation
                    .map(|d| capitalize(&d))
                    .unwrap_or_else(|| self.party_name(party));
                let amount = self.amount(total);
                let list: Vec<String> = years.iter().map(i64::to_string).collect();
                let key = match (list.len(), named) {
                    (0, false) => "funds.grant_total",
                    (1, false) => "funds.grant_total_year",
                    (_, false) => "funds.grant_total_years",
                    (0, true) => "funds.grant_total_named",
                    (1, true) => "funds.grant_total_year_named",
                    (_, true) => "funds.grant_total_years_named",
                };
                let years = match list.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("{} {} {last}", rest.join(", "), self.l.get("funds.and"))
                    }
                    _ => list.join(""),
                };
                self.l.fill(
                    key,
                    &[("funder", &who), ("amount", &amount), ("years", &years)],
                )
            })
            .collect()
    }

    fn governance(&mut self) -> Option<GovernanceArticle> {
        let mut details = Vec::new();
        let mut minutes = None;
        let push = |details: &mut Vec<Labelled>, key: &str, t: Option<String>| {
            if let Some(t) = t {
                details.push(Labelled {
                    label: self.l.get(key),
                    text: t,
                });
            }
        };
        if let Some(d) = self.doc.decision.get() {
            push(&mut details, "governance.body", text(&d.body));
            let members: Vec<String> = d
                .members
                .items()
                .iter()
                .map(|m| self.party_name(&m.value))
                .collect();
            push(
                &mut details,
                "governance.members",
                (!members.is_empty()).then(|| members.join(", ")),
            );
            let votes: Vec<String> = d
                .votes
                .items()
                .iter()
                .filter_map(|(id, w)| {
                    w.get().map(|w| {
                        self.l.fill(
                            "governance.weight",
                            &[
                                ("party", &self.party_name(&id.value)),
                                ("weight", &format::number(*w, self.lang)),
                            ],
                        )
                    })
                })
                .collect();
            push(
                &mut details,
                "governance.votes",
                (!votes.is_empty()).then(|| votes.join(self.list_sep())),
            );
            let rule = d.rule.get().map(|r| match (r, d.threshold.get()) {
                (crate::model::DecisionRule::QualifiedMajority, Some(t)) => self.l.fill(
                    "rule.qualified_majority_share",
                    &[("share", &format::percent(*t, self.lang))],
                ),
                (r, _) => self.word("rule", *r, |r| r.as_str()),
            });
            push(&mut details, "governance.rule", rule);
            let quorum = d.quorum.get().map(|q| {
                self.l.fill(
                    "governance.quorum_text",
                    &[("share", &format::percent(*q, self.lang))],
                )
            });
            push(&mut details, "governance.quorum", quorum);
            push(&mut details, "governance.meetings", text(&d.meetings));
            push(&mut details, "governance.conflicts", text(&d.conflicts));
            if d.minutes.get() == Some(&true) {
                minutes = Some(self.l.get("governance.minutes").to_string());
            }
        }
        let mut board = Vec::new();
        let mut management = Vec::new();
        if let Some(g) = self.doc.governance.get() {
            for s in g.board.items() {
                let member = s
                    .party
                    .get()
                    .map(|p| self.party_name(p))
                    .or_else(|| text(&s.label))
                    .unwrap_or_default();
                board.push(SeatRow {
                    member,
                    seats: s.seats.get().map(|n| n.to_string()).unwrap_or_default(),
                    women: s.women.get().map(|n| n.to_string()).unwrap_or_default(),
                    voting: self.l.get(if s.voting() {
                        "governance.yes"
                    } else {
                        "governance.no"
                    }),
                });
            }
            push(&mut management, "governance.officers", text(&g.officers));
            push(
                &mut management,
                "governance.deliberations",
                text(&g.deliberations),
            );
            push(
                &mut management,
                "governance.management",
                text(&g.management),
            );
            push(
                &mut management,
                "governance.action_plan",
                text(&g.action_plan),
            );
        }
        if details.is_empty() && minutes.is_none() && board.is_empty() && management.is_empty() {
            return None;
        }
        let (number, heading) = self.next("governance");
        Some(GovernanceArticle {
            number,
            heading,
            details,
            minutes,
            board,
            management,
        })
    }

    fn list_sep(&self) -> &'static str {
        match self.lang {
            Lang::Fr => " ; ",
            Lang::En => "; ",
        }
    }

    fn schedule(&mut self) -> Option<ScheduleArticle> {
        let milestones: Vec<MilestoneRow> = self
            .doc
            .milestones
            .items()
            .iter()
            .map(|m| MilestoneRow {
                id: text(&m.id).unwrap_or_default(),
                title: text(&m.title).unwrap_or_default(),
                due: m.due.get().map(|d| self.date(*d)).unwrap_or_default(),
                kind: self.word(
                    "milestone_kind",
                    m.kind
                        .get()
                        .copied()
                        .unwrap_or(crate::model::MilestoneKind::Activity),
                    |k| k.as_str(),
                ),
                owner: m
                    .owner
                    .get()
                    .map(|p| self.party_name(p))
                    .unwrap_or_default(),
            })
            .collect();
        if milestones.is_empty() {
            return None;
        }
        let (number, heading) = self.next("schedule");
        Some(ScheduleArticle {
            number,
            heading,
            milestones,
        })
    }

    fn reporting(&mut self) -> Option<ReportingArticle> {
        let reports: Vec<ReportRow> = self
            .doc
            .reports
            .items()
            .iter()
            .map(|r| {
                let due = if let Some(d) = r.due.get() {
                    self.date(*d)
                } else if let Some(e) = r.every.get() {
                    let every = self.word("every", *e, |e| e.as_str());
                    let n = r.delay_days.get().copied().unwrap_or(0);
                    let delay = self.days(n);
                    let key = match (r.anchor.get() == Some(&Anchor::Calendar), n == 0) {
                        (true, false) => "reporting.periodic_calendar",
                        (false, false) => "reporting.periodic",
                        (true, true) => "reporting.periodic_calendar_end",
                        (false, true) => "reporting.periodic_end",
                    };
                    self.l.fill(key, &[("every", &every), ("delay", &delay)])
                } else if let Some(n) = r.after_end_days.get() {
                    self.l
                        .fill("reporting.after_end", &[("days", &self.days(*n))])
                } else {
                    String::new()
                };
                let from = r.from.get().cloned();
                let mut to: Vec<String> = if r.to.is_present() {
                    r.to.items()
                        .iter()
                        .map(|p| self.party_name(&p.value))
                        .collect()
                } else {
                    vec![self.l.get("reporting.others").to_string()]
                };
                to.extend(r.also_to.items().iter().map(|s| s.value.trim().to_string()));
                ReportRow {
                    id: text(&r.id).unwrap_or_default(),
                    kind: r
                        .kind
                        .get()
                        .map(|k| self.word("report_kind", *k, |k| k.as_str()))
                        .unwrap_or_default(),
                    due,
                    from: from.map(|p| self.party_name(&p)).unwrap_or_default(),
                    to: to.join(", "),
                }
            })
            .collect();
        let mut audit = Vec::new();
        if let Some(a) = self.doc.audit.get() {
            let mut push = |key: &str, t: Option<String>| {
                if let Some(t) = t {
                    audit.push(Labelled {
                        label: self.l.get(key),
                        text: t,
                    });
                }
            };
            push("reporting.evaluation", text(&a.evaluation));
            let dates: Vec<String> = a
                .dates
                .items()
                .iter()
                .map(|d| format::date(d.value, self.lang))
                .collect();
            push(
                "reporting.dates",
                (!dates.is_empty()).then(|| dates.join(", ")),
            );
            push("reporting.expense_control", text(&a.expense_control));
            push("reporting.financial_audit", text(&a.financial_audit));
            push("reporting.auditor", text(&a.auditor));
        }
        if reports.is_empty() && audit.is_empty() {
            return None;
        }
        let (number, heading) = self.next("reporting");
        Some(ReportingArticle {
            number,
            heading,
            reports,
            audit,
        })
    }

    fn clauses(&mut self) -> Vec<RichArticle> {
        let mut out = Vec::new();
        for c in self.doc.clauses.items() {
            // The amendment procedure is the amendments article's own text.
            if c.kind() == ClauseKind::AmendmentProcedure {
                continue;
            }
            let (Some(title), Some(body)) = (text(&c.title), text(&c.text)) else {
                continue;
            };
            let t = self.rich(&body);
            let (number, heading) = self.heading_for(&title);
            out.push(RichArticle {
                number,
                heading,
                text: t,
            });
        }
        out
    }

    fn termination(&mut self) -> Option<TerminationArticle> {
        let t = self.doc.termination.get()?;
        let mut sentences = Vec::new();
        if let Some(n) = t.notice_days.get() {
            sentences.push(
                self.l
                    .fill("termination.notice", &[("days", &self.days(*n))]),
            );
        }
        if let Some(n) = t.cure_days.get() {
            sentences.push(self.l.fill("termination.cure", &[("days", &self.days(*n))]));
        }
        let grounds: Vec<String> = t
            .grounds
            .items()
            .iter()
            .map(|s| s.value.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let mut dispositions = Vec::new();
        for (key, v) in [
            ("termination.assets", &t.assets),
            ("termination.staff", &t.staff),
            ("termination.surplus", &t.surplus),
            ("termination.deficit", &t.deficit),
        ] {
            if let Some(x) = text(v) {
                dispositions.push(Labelled {
                    label: self.l.get(key),
                    text: x,
                });
            }
        }
        if sentences.is_empty() && grounds.is_empty() && dispositions.is_empty() {
            return None;
        }
        let (number, heading) = self.next("termination");
        Some(TerminationArticle {
            number,
            heading,
            sentences,
            grounds,
            dispositions,
        })
    }

    fn disputes(&mut self) -> Option<TextArticle> {
        let t = self.doc.termination.get().and_then(|t| text(&t.disputes))?;
        let (number, heading) = self.next("disputes");
        let t = t.trim_end_matches(['.', ' ']).to_string();
        Some(TextArticle {
            number,
            heading,
            text: self.l.fill("disputes.sentence", &[("text", &t)]),
        })
    }

    fn amendments(&mut self) -> Option<AmendmentsArticle> {
        let amendments = self
            .doc
            .amendments
            .items()
            .iter()
            .map(|a| AmendmentRow {
                id: text(&a.id).unwrap_or_default(),
                date: a.date.get().map(|d| self.date(*d)).unwrap_or_default(),
                summary: text(&a.summary).unwrap_or_default(),
            })
            .collect();
        let (number, heading) = self.next("amendments");
        let procedure = self
            .doc
            .clause(ClauseKind::AmendmentProcedure)
            .and_then(|c| self.rich_field(&c.text));
        Some(AmendmentsArticle {
            number,
            heading,
            rule: self.l.get("amendments.rule"),
            procedure,
            amendments,
        })
    }

    fn annexes(&mut self) -> Option<AnnexesArticle> {
        let annexes: Vec<AnnexRow> = self
            .doc
            .annexes
            .items()
            .iter()
            .filter_map(|a| {
                Some(AnnexRow {
                    title: text(&a.title)?,
                    reference: text(&a.reference),
                    sha256: text(&a.sha256),
                })
            })
            .collect();
        if annexes.is_empty() {
            return None;
        }
        let (number, heading) = self.next("annexes");
        Some(AnnexesArticle {
            number,
            heading,
            annexes,
        })
    }

    fn signing(&self) -> SigningView {
        let c = &self.doc.convention;
        let parties = self.doc.parties.items();
        let electronic = c.signing() == Signing::Electronic;
        let sentence = if electronic {
            self.l.get("signing.electronic").to_string()
        } else {
            let place = text(&c.place).unwrap_or_else(|| self.l.get("signing.blank"));
            let copies = c
                .copies
                .get()
                .copied()
                .unwrap_or(parties.len() as i64)
                .max(1);
            if copies == 1 {
                self.l.fill("signing.paper_one", &[("place", &place)])
            } else {
                self.l.fill(
                    "signing.paper",
                    &[("place", &place), ("copies", &copies.to_string())],
                )
            }
        };
        let blocks = parties
            .iter()
            .map(|p| {
                let sig = p.signatory.get();
                let rep = p.representative.get();
                let (name, title) = match (sig, rep) {
                    (Some(s), _) if text(&s.name).is_some() => (text(&s.name), text(&s.title)),
                    (_, Some(r)) => (text(&r.name), text(&r.title)),
                    _ => (None, None),
                };
                let pname = text(&p.name).or_else(|| text(&p.id)).unwrap_or_default();
                let party = match text(&p.designation) {
                    Some(d) => self.l.fill("signing.for", &[("party", &d)]),
                    None => self.l.fill("signing.for_named", &[("party", &pname)]),
                };
                SignatureBlock {
                    party,
                    name,
                    title,
                    mandate: sig.and_then(|s| text(&s.mandate)),
                }
            })
            .collect();
        SigningView {
            electronic,
            sentence,
            blocks,
        }
    }

    fn footer(&self, p: &Provenance) -> FooterView {
        let items = vec![
            Labelled {
                label: self.l.get("footer.source"),
                text: p.source.clone(),
            },
            Labelled {
                label: self.l.get("footer.fingerprint"),
                text: p.fingerprint.clone(),
            },
            Labelled {
                label: self.l.get("footer.templates"),
                text: p.templates.clone(),
            },
            Labelled {
                label: self.l.get("footer.git"),
                text: p.git.clone(),
            },
        ];
        let colon = match self.lang {
            Lang::Fr => "\u{A0}: ",
            Lang::En => ": ",
        };
        let line = items
            .iter()
            .map(|i| format!("{}{colon}{}", i.label, i.text))
            .collect::<Vec<_>>()
            .join(" · ");
        let css = css_string(&line);
        FooterView { items, line, css }
    }
}

/// Builds the view of a document.
pub fn build(
    doc: &Document,
    labels: &Labels,
    lang: Lang,
    target: Target,
    draft_errors: Option<usize>,
    provenance: &Provenance,
) -> View {
    let mut b = Builder {
        doc,
        l: labels,
        lang,
        target,
        currency: doc.convention.currency.get(),
        number: 0,
    };
    let c = &doc.convention;
    let is_draft = c.status() == Status::Draft || draft_errors.is_some_and(|n| n > 0);
    let draft = is_draft.then(|| Draft {
        mark: labels.get("doc.draft_mark"),
        note: labels.get("doc.draft_note"),
        findings: draft_errors
            .filter(|n| *n > 0)
            .map(|n| labels.fill("doc.draft_findings", &[("n", &n.to_string())])),
    });
    let parties = b.parties();
    let preamble = b.rich_field(&c.preamble);
    let object = b.object();
    let legal_framework = b.rich_article("legal_framework", &c.legal_framework);
    let duration = b.duration();
    let commitments = b.commitments();
    let funds = b.funds();
    let governance = b.governance();
    let schedule = b.schedule();
    let reporting = b.reporting();
    let communication = match doc.communication.get() {
        Some(cm) => b.rich_article("communication", &cm.plan),
        None => None,
    };
    let clauses = b.clauses();
    let termination = b.termination();
    let disputes = b.disputes();
    let amendments = b.amendments();
    let annexes = b.annexes();
    let signing = b.signing();
    let footer = b.footer(provenance);
    View {
        lang: lang.as_str(),
        id: text(&c.id).unwrap_or_default(),
        title: text(&c.title),
        kind_title: labels.get(&format!("kind.{}", c.kind().as_str())),
        draft,
        parties,
        preamble,
        object,
        legal_framework,
        duration,
        commitments,
        funds,
        governance,
        schedule,
        reporting,
        communication,
        clauses,
        termination,
        disputes,
        amendments,
        annexes,
        signing,
        footer,
    }
}
