//! `wisn allocate STUDY --posts CADRE=N,… | --posts-file F | --budget AMOUNT`: where new posts
//! should go (study-format §7.2). The work is [`crate::planning::allocate`].

use crate::diag::Code;
use std::process::ExitCode;

use clap::Args;

use super::planning::{exit, fail, load_and_compute, warnings, PlanArgs, Stop};
use super::EXIT_OK;
use crate::diag::{Diagnostics, Location, Msg, Problem};
use crate::messages::planning as m;
use crate::planning::allocate::{allocate, explain, find_facility, AllocateOptions, Request};
use crate::planning::inputs::{parse_budget, parse_posts_arg, parse_types, read_posts, POSTS};
use crate::planning::report::{AllocatePlan, AllocateReport};
use crate::report::Format;

#[derive(Debug, Args)]
pub struct AllocateArgs {
    /// National pools of new posts, allocated in this order: Sage-femme=40,Infirmier=60.
    #[arg(long, value_name = "CADRE=N,...")]
    pub posts: Option<String>,
    /// A posts table (postes): cadre, posts and optionally region or district (a pool for the
    /// facilities of that group); pools are allocated in table order.
    #[arg(long, value_name = "FILE")]
    pub posts_file: Option<String>,
    /// A budget for a year of new posts, over every cadre of the study's costs table (cadre,
    /// annual_cost): each post costs its cadre's annual cost.
    #[arg(long, value_name = "AMOUNT")]
    pub budget: Option<String>,
    /// Only facilities of these types receive posts: CSCom,CSRéf.
    #[arg(long, value_name = "T1,T2", value_delimiter = ',')]
    pub types: Vec<String>,
    /// Explain, post by post, why this facility got (or did not get) posts, instead of the rows.
    #[arg(long, value_name = "FACILITY")]
    pub explain: Option<String>,
    #[command(flatten)]
    pub plan: PlanArgs,
}

pub fn run(args: AllocateArgs) -> anyhow::Result<ExitCode> {
    let lang = args.plan.presentation.lang();
    match run_inner(args) {
        Ok(code) => Ok(code),
        Err(stop) => Ok(exit(lang, stop)),
    }
}

fn bad_request(what: Msg, hint: Msg) -> Stop {
    fail(&[Problem::error(Code::BadRequest, what).hint(hint)])
}

fn run_inner(args: AllocateArgs) -> Result<ExitCode, Stop> {
    if let Err(e) = args.plan.study.check() {
        return Err(Stop::Usage(e));
    }
    let asked = [
        args.posts.is_some(),
        args.posts_file.is_some(),
        args.budget.is_some(),
    ];
    if asked.iter().filter(|&&a| a).count() == 0 {
        return Err(Stop::Usage(m::say_what_to_allocate()));
    }
    if args.budget.is_some() && (args.posts.is_some() || args.posts_file.is_some()) {
        return Err(bad_request(m::budget_and_posts(), m::budget_or_posts()));
    }
    if args.posts.is_some() && args.posts_file.is_some() {
        return Err(bad_request(
            m::posts_and_posts_file(),
            m::posts_in_one_place(),
        ));
    }
    let (format, output) = args.plan.open_output()?;
    if args.explain.is_some() && format != Format::Table {
        return Err(Stop::Usage(m::explain_writes_text()));
    }
    let budget = match &args.budget {
        Some(b) => Some(parse_budget(b).map_err(|p| fail(&[p]))?),
        None => None,
    };
    let computed = load_and_compute(&args.plan)?;
    let builder = &computed.builder;
    let mut diag = Diagnostics::default();
    let types = match parse_types(&args.types, builder) {
        Ok(t) => t,
        Err(problems) => return Err(fail(&problems)),
    };
    let request = if let Some(b) = budget {
        match &computed.costs {
            Some(c) if !c.rows.is_empty() => Request::Budget(b),
            _ => {
                return Err(fail(&[Problem::error(
                    Code::NoCosts,
                    m::budget_needs_costs(),
                )
                .hint(m::add_costs())]))
            }
        }
    } else if let Some(p) = &args.posts {
        Request::Pools(parse_posts_arg(p, builder).map_err(|problems| fail(&problems))?)
    } else {
        let file = args.posts_file.as_deref().unwrap_or_default();
        let table = crate::study::discover::table_arg_for(file, Some(&POSTS));
        let path = match &table {
            crate::study::TableRef::Text { path, .. }
            | crate::study::TableRef::Json { path, .. }
            | crate::study::TableRef::Sheet { path, .. } => path.clone(),
        };
        if !path.is_file() {
            return Err(fail(&[Problem::error(
                Code::NotFound,
                m::posts_file_missing(),
            )
            .at(Location::file(path.display().to_string()))
            .hint(m::check_posts_path())]));
        }
        let mut source = crate::study::open_source(&table, args.plan.read_options().csv);
        let pools = read_posts(source.as_mut(), builder, &mut diag);
        if diag.has_errors() {
            super::common::report_errors(args.plan.presentation.lang(), &diag);
            return Err(Stop::Failed);
        }
        Request::Pools(pools)
    };
    let explain_facility = match &args.explain {
        Some(id) => Some(find_facility(&builder.study, id).ok_or_else(|| {
            fail(&[Problem::error(Code::UnknownFacility, m::not_a_facility())
                .at(Location::file("--explain"))
                .value(id.clone())
                .hint(m::give_a_facility_code())])
        })?),
        None => None,
    };
    let costs = computed.costs.clone().unwrap_or_default();
    let options = AllocateOptions {
        request,
        types,
        bands: args.plan.bands,
    };
    let allocation = allocate(&builder.study, &computed.results.rows, &costs, &options);
    let warned = warnings(&args.plan.presentation, &computed.diag)?;
    let lang = args.plan.presentation.lang();
    let bytes = if let Some(f) = explain_facility {
        let e = explain(&builder.study, &allocation, f, &options);
        crate::planning::text::explanation(&builder.study, &allocation, &e, lang).into_bytes()
    } else {
        let settings = args.plan.settings(&output);
        let report = AllocateReport {
            plan: AllocatePlan {
                study: &builder.study,
                allocation: &allocation,
            },
            warnings: warned,
            settings: &settings,
        };
        // In the pool: big outputs are formatted in blocks on its threads (`--jobs`).
        computed
            .pool
            .install(|| crate::report::serialize(&report, format))
            .map_err(Stop::Error)?
    };
    output.finish(&bytes).map_err(Stop::Error)?;
    Ok(ExitCode::from(EXIT_OK))
}
