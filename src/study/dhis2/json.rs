//! dataValueSets JSON, streamed value by value with serde (study-format §6): never loaded whole.

use crate::diag::Code;
use std::borrow::Cow;
use std::io::BufReader;
use std::path::Path;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{mapping_needed, Aggregator, Field, Mapping, Num, RawValue};
use crate::diag::{Diagnostics, Location, Problem};
use crate::messages::dhis2 as msg;
use crate::numbers::DecimalStyle;
use crate::study::csv_source::open_stream;
use crate::study::{Builder, ReadOptions};

/// Reads a dataValueSets JSON export value by value (never whole): `{"dataValues": [...]}` with
/// an optional top-level `period`/`orgUnit`/`attributeOptionCombo`, or a bare array of values.
pub fn read_json(
    path: &Path,
    display: &str,
    options: &ReadOptions,
    b: &mut Builder,
    diag: &mut Diagnostics,
) {
    let at = Location::file(display);
    let Some(mapping) = mapping_needed(b, msg::shape_data_value_sets_json(), at.clone(), diag)
    else {
        return;
    };
    let stream = match open_stream(path, display) {
        Ok(s) => s,
        Err(p) => {
            diag.error(p);
            b.dhis2_mapping = Some(Mapping {
                used: true,
                ..mapping
            });
            return;
        }
    };
    let mut agg = Aggregator::new(b, mapping, options, DecimalStyle::Point);
    let result = {
        let mut state = JsonState {
            agg: &mut agg,
            b: &mut *b,
            diag: &mut *diag,
            at: &at,
            top_period: None,
            top_orgunit: None,
            pending: Vec::new(),
            index: 0,
            marks: Default::default(),
        };
        // A data value of more than 1 MiB is refused before it is buffered.
        let (stream, marks) = crate::study::stream::RowGuard::new(stream, 2 << 16);
        state.marks = marks;
        let reader = BufReader::with_capacity(1 << 16, stream);
        let mut de = serde_json::Deserializer::from_reader(reader);
        let result = (&mut de)
            .deserialize_any(TopVisitor(&mut state))
            .and_then(|()| de.end());
        state.flush_pending();
        result
    };
    if let Err(e) = result {
        let line = (e.line() > 0).then(|| e.line());
        if e.is_io() {
            let io = std::io::Error::from(e);
            diag.error(crate::study::stream::read_problem(
                &io,
                display,
                line,
                msg::dhis2_json_read_hint(),
            ));
            agg.finish(b, &at, diag);
            return;
        }
        let mut l = at.clone();
        if e.line() > 0 {
            l.row = Some(e.line());
        }
        diag.error(
            Problem::error(Code::BadJson, msg::not_dhis2_json(&e.to_string()))
                .at(l)
                .hint(msg::not_dhis2_json_hint()),
        );
    }
    agg.finish(b, &at, diag);
}

/// A value read from JSON, owned (only kept when it waits for a top-level period or org unit).
#[derive(Debug, Default, Clone)]
struct JsonValue {
    data_element: String,
    period: String,
    orgunit: String,
    coc: String,
    value: String,
    value_number: Option<f64>,
    value_kind: ValueKind,
    deleted: bool,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum ValueKind {
    #[default]
    Blank,
    Text,
    Number,
    Other,
}

struct JsonState<'s> {
    agg: &'s mut Aggregator,
    b: &'s mut Builder,
    diag: &'s mut Diagnostics,
    at: &'s Location,
    top_period: Option<String>,
    top_orgunit: Option<String>,
    /// Values read before the top-level period/org unit they need (DHIS2 writes those first,
    /// so this stays empty on its exports).
    pending: Vec<(usize, JsonValue)>,
    index: usize,
    /// Marks the end of each data value for the row-size cap.
    marks: crate::study::stream::RowMark,
}

impl JsonState<'_> {
    /// Adds a value; one that lacks a period or org unit waits for the top-level ones unless
    /// `last` (the end of the file), when a blank one is an error.
    fn value(&mut self, index: usize, v: &JsonValue, last: bool) {
        let period = match (v.period.as_str(), &self.top_period) {
            ("", Some(p)) => Some(p.as_str()),
            ("", None) if !last => None,
            (p, _) => Some(p),
        };
        let orgunit = match (v.orgunit.as_str(), &self.top_orgunit) {
            ("", Some(o)) => Some(o.as_str()),
            ("", None) if !last => None,
            (o, _) => Some(o),
        };
        let (Some(period), Some(orgunit)) = (period, orgunit) else {
            self.pending.push((index, v.clone()));
            return;
        };
        let value = match v.value_kind {
            ValueKind::Blank => Num::Blank,
            ValueKind::Text => Num::Text(&v.value),
            ValueKind::Number => Num::Number(v.value_number.unwrap_or(0.0)),
            ValueKind::Other => Num::Other(&v.value),
        };
        let raw = RawValue {
            data_element: &[v.data_element.as_str()],
            coc: &v.coc,
            orgunit: &[orgunit],
            period,
            value,
            deleted: v.deleted,
        };
        if let Err((field, problem)) = self.agg.value(self.b, &raw) {
            let name = match field {
                Field::DataElement => "dataElement",
                Field::Period => "period",
                Field::OrgUnit => "orgUnit",
                Field::Value => "value",
            };
            let mut l = self.at.clone();
            l.column = Some(format!("dataValues[{index}].{name}"));
            self.diag.error(problem.at(l));
        }
    }

    fn flush_pending(&mut self) {
        for (index, v) in std::mem::take(&mut self.pending) {
            self.value(index, &v, true);
        }
    }
}

struct TopVisitor<'a, 's>(&'a mut JsonState<'s>);

impl<'de> Visitor<'de> for TopVisitor<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a dataValueSets object with a dataValues array")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let state = self.0;
        while let Some(key) = map.next_key::<Cow<str>>()? {
            match key.as_ref() {
                "dataValues" => map.next_value_seed(ValuesSeed(state))?,
                "period" => state.top_period = map.next_value::<Option<String>>()?,
                "orgUnit" => state.top_orgunit = map.next_value::<Option<String>>()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        ValuesVisitor(self.0).visit_seq(seq)
    }
}

struct ValuesSeed<'a, 's>(&'a mut JsonState<'s>);

impl<'de> DeserializeSeed<'de> for ValuesSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(ValuesVisitor(self.0))
    }
}

struct ValuesVisitor<'a, 's>(&'a mut JsonState<'s>);

impl<'de> Visitor<'de> for ValuesVisitor<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of data values")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let state = self.0;
        let mut v = JsonValue::default();
        while seq.next_element_seed(OneValue(&mut v))?.is_some() {
            let index = state.index;
            state.index += 1;
            state.value(index, &v, false);
            state.marks.row_done();
        }
        Ok(())
    }
}

/// Reads one data value into a reused buffer (no allocation per value once warm).
struct OneValue<'a>(&'a mut JsonValue);

impl<'de> DeserializeSeed<'de> for OneValue<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OneValue<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a data value object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let v = self.0;
        v.data_element.clear();
        v.period.clear();
        v.orgunit.clear();
        v.coc.clear();
        v.value.clear();
        v.value_number = None;
        v.value_kind = ValueKind::Blank;
        v.deleted = false;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match key {
                Key::DataElement => map.next_value_seed(Text(&mut v.data_element))?,
                Key::Period => map.next_value_seed(Text(&mut v.period))?,
                Key::OrgUnit => map.next_value_seed(Text(&mut v.orgunit))?,
                Key::Coc => map.next_value_seed(Text(&mut v.coc))?,
                Key::Value => map.next_value_seed(ValueSeed(v))?,
                Key::Deleted => v.deleted = map.next_value_seed(BoolSeed)?,
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

enum Key {
    DataElement,
    Period,
    OrgUnit,
    Coc,
    Value,
    Deleted,
    Other,
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Key, E> {
        Ok(match s {
            "dataElement" => Key::DataElement,
            "period" => Key::Period,
            "orgUnit" => Key::OrgUnit,
            "categoryOptionCombo" => Key::Coc,
            "value" => Key::Value,
            "deleted" => Key::Deleted,
            _ => Key::Other,
        })
    }
}

/// A string (or number, or null) written into a reused buffer.
struct Text<'a>(&'a mut String);

impl<'de> DeserializeSeed<'de> for Text<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Visitor<'_> for Text<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<(), E> {
        self.0.push_str(s.trim());
        Ok(())
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<(), E> {
        self.0.push_str(&n.to_string());
        Ok(())
    }
    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<(), E> {
        self.0.push_str(&n.to_string());
        Ok(())
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

struct ValueSeed<'a>(&'a mut JsonValue);

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Visitor<'_> for ValueSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a value")
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<(), E> {
        self.0.value.push_str(s);
        self.0.value_kind = ValueKind::Text;
        Ok(())
    }
    fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<(), E> {
        self.0.value_number = Some(n);
        self.0.value_kind = ValueKind::Number;
        Ok(())
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<(), E> {
        self.visit_f64(n as f64)
    }
    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<(), E> {
        self.visit_f64(n as f64)
    }
    fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<(), E> {
        self.0.value.push_str(if b { "true" } else { "false" });
        self.0.value_kind = ValueKind::Other;
        Ok(())
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

struct BoolSeed;

impl<'de> DeserializeSeed<'de> for BoolSeed {
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl Visitor<'_> for BoolSeed {
    type Value = bool;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("true or false")
    }
    fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<bool, E> {
        Ok(b)
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<bool, E> {
        Ok(s.trim().eq_ignore_ascii_case("true"))
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<bool, E> {
        Ok(n != 0)
    }
}
