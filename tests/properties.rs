//! Property tests of the method's invariants (proptest), through the library.

use proptest::prelude::*;

use wisn::diag::Diagnostics;
use wisn::engine::{compute, roll_up, ComputeOptions, Level};
use wisn::method::{
    self, outcome, round_staff, AllowanceUnit, Bands, Period, Rounding, ServiceUnit, TimeUnit,
    WorkingTime,
};
use wisn::model::{
    Activity, Cadre, Component, Facility, Standard, StandardUnit, Study, WorkingTimeRow,
};

fn working_time() -> impl Strategy<Value = WorkingTime> {
    (
        1.0f64..=7.0,
        1.0f64..=12.0,
        0.0f64..=20.0,
        0.0f64..=40.0,
        0.0f64..=20.0,
        0.0f64..=20.0,
    )
        .prop_map(|(d, h, ph, al, sl, ol)| WorkingTime {
            days_per_week: d,
            hours_per_day: h,
            public_holidays: ph,
            annual_leave: al,
            sick_leave: sl,
            other_leave: ol,
        })
}

/// A one-facility, one-cadre study with service activities (standard in minutes), a support item
/// and an additional item.
fn study(
    wt: WorkingTime,
    standards: &[f64],
    volumes: &[f64],
    support_pct: f64,
    staff: f64,
) -> Study {
    let mut s = Study {
        facilities: vec![Facility {
            id: "F".into(),
            ..Default::default()
        }],
        cadres: vec![Cadre {
            name: "Infirmier".into(),
            key: "infirmier".into(),
        }],
        ..Default::default()
    };
    s.working_time.push(WorkingTimeRow {
        cadre: 0,
        type_key: String::new(),
        time: wt,
        location: Default::default(),
    });
    let mut row = wisn::model::Volumes::default();
    for (i, (&st, &v)) in standards.iter().zip(volumes).enumerate() {
        s.activities.push(Activity {
            name: format!("A{i}"),
            key: format!("a{i}"),
        });
        s.standards.push(Standard {
            cadre: 0,
            type_key: String::new(),
            component: Component::Service,
            activity_name: format!("A{i}"),
            activity: Some(i),
            value: st,
            unit: StandardUnit::Service(ServiceUnit::MinutesPerUnit),
            staff: 1.0,
            range: None,
            location: Default::default(),
        });
        row.insert(i, v);
    }
    s.standards.push(Standard {
        cadre: 0,
        type_key: String::new(),
        component: Component::Support,
        activity_name: "Réunions".into(),
        activity: None,
        value: support_pct,
        unit: StandardUnit::Allowance(AllowanceUnit::Percent),
        staff: 1.0,
        range: None,
        location: Default::default(),
    });
    s.standards.push(Standard {
        cadre: 0,
        type_key: String::new(),
        component: Component::Additional,
        activity_name: "Supervision".into(),
        activity: None,
        value: 4.0,
        unit: StandardUnit::Allowance(AllowanceUnit::Time(TimeUnit::Hours, Period::Month)),
        staff: 1.0,
        range: None,
        location: Default::default(),
    });
    s.workload.volumes = vec![row];
    s.workload.months = vec![0];
    s.staff.insert((0, 0), staff);
    s
}

fn required(s: &Study) -> f64 {
    let results = compute(s, &ComputeOptions::default(), &mut Diagnostics::default()).unwrap();
    results.rows[0].required_staff
}

proptest! {
    #[test]
    fn ratio_times_required_is_current(current in 0.0f64..1e4, required in 1e-6f64..1e4) {
        let o = outcome(current, required, &Bands::default());
        let ratio = o.ratio.unwrap();
        prop_assert!((ratio * required - current).abs() <= 1e-9 * current.max(1.0));
        prop_assert!((o.difference - (current - required)).abs() <= 1e-9 * current.max(required));
        prop_assert!(o.pressure_pct >= 0.0 && o.pressure_pct <= 100.0);
    }

    #[test]
    fn more_workload_never_needs_fewer_staff(
        wt in working_time().prop_filter("working days > 0", |w| w.working_days() > 0.0),
        cases in prop::collection::vec((1.0f64..120.0, 0.0f64..5e4, 0.0f64..5e4), 1..6),
        support in 0.0f64..60.0,
    ) {
        let standards: Vec<f64> = cases.iter().map(|c| c.0).collect();
        let low: Vec<f64> = cases.iter().map(|c| c.1).collect();
        let high: Vec<f64> = cases.iter().map(|c| c.1 + c.2).collect();
        let r_low = required(&study(wt, &standards, &low, support, 1.0));
        let r_high = required(&study(wt, &standards, &high, support, 1.0));
        prop_assert!(r_high >= r_low - 1e-12, "{r_high} < {r_low}");
        // And the engine's row obeys ratio × required = current.
        let s = study(wt, &standards, &high, support, 3.0);
        let row = &compute(&s, &ComputeOptions::default(), &mut Diagnostics::default()).unwrap().rows[0];
        if let Some(ratio) = row.wisn_ratio {
            prop_assert!((ratio * row.required_staff - 3.0).abs() < 1e-9);
        }
    }

    #[test]
    fn per_week_is_per_day_divided_by_days_per_week(
        wt in working_time().prop_filter("working days > 0", |w| w.working_days() > 0.0),
        amount in 0.0f64..40.0,
    ) {
        let awt = wt.awt().unwrap();
        let weekly = method::cas_percent(&awt, amount, AllowanceUnit::Time(TimeUnit::Hours, Period::Week)).unwrap();
        let daily = method::cas_percent(&awt, amount / wt.days_per_week, AllowanceUnit::Time(TimeUnit::Hours, Period::Day)).unwrap();
        prop_assert!((weekly - daily).abs() <= 1e-9 * weekly.max(1.0));
        // Minutes and hours agree; a month is a twelfth of 52 weeks of work.
        let minutes = method::cas_percent(&awt, amount * 60.0, AllowanceUnit::Time(TimeUnit::Minutes, Period::Week)).unwrap();
        prop_assert!((weekly - minutes).abs() <= 1e-9 * weekly.max(1.0));
        let monthly = method::cas_percent(&awt, amount * 52.0 / 12.0, AllowanceUnit::Time(TimeUnit::Hours, Period::Month)).unwrap();
        prop_assert!((weekly - monthly).abs() <= 1e-9 * weekly.max(1.0));
        // A day of time is hours_per_day hours.
        let days = method::cas_percent(&awt, amount, AllowanceUnit::Time(TimeUnit::Days, Period::Year)).unwrap();
        let hours = method::cas_percent(&awt, amount * wt.hours_per_day, AllowanceUnit::Time(TimeUnit::Hours, Period::Year)).unwrap();
        prop_assert!((days - hours).abs() <= 1e-9 * days.max(1.0));
    }

    #[test]
    fn service_units_convert_consistently(
        wt in working_time().prop_filter("working days > 0", |w| w.working_days() > 0.0),
        minutes in 0.5f64..600.0,
    ) {
        let awt = wt.awt().unwrap();
        let sw = |v, u| method::standard_workload(&awt, v, u).unwrap();
        let by_min = sw(minutes, ServiceUnit::MinutesPerUnit);
        prop_assert!((by_min - sw(minutes / 60.0, ServiceUnit::HoursPerUnit)).abs() <= 1e-9 * by_min);
        prop_assert!((by_min - sw(60.0 / minutes, ServiceUnit::PerHour)).abs() <= 1e-9 * by_min);
        prop_assert!((by_min - sw(wt.hours_per_day * 60.0 / minutes, ServiceUnit::PerDay)).abs() <= 1e-9 * by_min);
    }

    #[test]
    fn group_ratio_is_the_ratio_of_sums(
        facilities in prop::collection::vec((0.0f64..20.0, 1.0f64..5e4, 0usize..3), 1..12),
    ) {
        // Facilities in three districts, volumes giving various requirements.
        let wt = WorkingTime { days_per_week: 5.0, hours_per_day: 8.0, public_holidays: 10.0, annual_leave: 22.0, sick_leave: 5.0, other_leave: 5.0 };
        let mut s = study(wt, &[20.0], &[0.0], 5.0, 0.0);
        s.facilities.clear();
        s.workload.volumes.clear();
        s.workload.months.clear();
        s.staff.clear();
        for (i, (staff, volume, district)) in facilities.iter().enumerate() {
            s.facilities.push(Facility { id: format!("F{i}"), district: Some(format!("D{district}")), ..Default::default() });
            s.workload.volumes.push([(0, *volume)].into());
            s.workload.months.push(0);
            s.staff.insert((i, 0), *staff);
        }
        let options = ComputeOptions::default();
        let results = compute(&s, &options, &mut Diagnostics::default()).unwrap();
        let groups = roll_up(&s, &results.rows, Level::District, &options);
        for g in &groups {
            let members: Vec<_> = results.rows.iter().filter(|r| r.district == g.district).collect();
            let current: f64 = members.iter().map(|r| r.current_staff).sum();
            let required: f64 = members.iter().map(|r| r.required_staff).sum();
            prop_assert!((g.current_staff - current).abs() < 1e-9);
            prop_assert!((g.required_staff - required).abs() < 1e-9 * required.max(1.0));
            prop_assert!((g.wisn_ratio.unwrap() - current / required).abs() < 1e-9);
            prop_assert!((g.difference - (current - required)).abs() < 1e-9 * required.max(1.0));
        }
        let national = roll_up(&s, &results.rows, Level::National, &options);
        let total: f64 = groups.iter().map(|g| g.required_staff).sum();
        prop_assert!((national[0].required_staff - total).abs() < 1e-9 * total.max(1.0));
    }

    /// Regression: the whole-number tolerance was relative (1e-9 × x), so 41,623.99998 rounded
    /// "down" to 41,624. It is absolute now.
    #[test]
    fn rounding_brackets_the_requirement(x in prop_oneof![0.0f64..1e5, (1u32..100_000).prop_map(|n| f64::from(n) - 2e-5)]) {
        let (up, down, near) = (round_staff(x, Rounding::Up), round_staff(x, Rounding::Down), round_staff(x, Rounding::Nearest));
        prop_assert!(down <= x + 1e-9 && x <= up + 1e-9);
        prop_assert!(up - down <= 1.0);
        prop_assert!((near - x).abs() <= 0.5 + 1e-9);
    }
}
