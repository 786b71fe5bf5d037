//! Writing query results: JSON Lines, CSV, TSV, aligned text and Parquet.
//!
//! Records and dyad rows are first flattened into a [`Table`] of typed
//! columns; every tabular format is written from that one shape, so the
//! CSV and Parquet outputs always have the same columns.

use std::collections::BTreeSet;
use std::io::Write;

use dyad::output::ActorRecord;

use crate::{DyadRow, EventRecord, Result};

/// The values of one column.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnData {
    /// Text, possibly missing.
    Str(Vec<Option<String>>),
    /// Integers.
    Int(Vec<i64>),
    /// Floating point numbers.
    Float(Vec<f64>),
}

impl ColumnData {
    fn len(&self) -> usize {
        match self {
            ColumnData::Str(v) => v.len(),
            ColumnData::Int(v) => v.len(),
            ColumnData::Float(v) => v.len(),
        }
    }

    fn cell(&self, row: usize) -> String {
        match self {
            ColumnData::Str(v) => v[row].clone().unwrap_or_default(),
            ColumnData::Int(v) => v[row].to_string(),
            ColumnData::Float(v) => {
                let x = v[row];
                // Goldstein scores have one decimal; keep output short but exact enough.
                let s = format!("{x:.3}");
                let s = s.trim_end_matches('0').trim_end_matches('.');
                if s.is_empty() || s == "-" {
                    "0".to_string()
                } else {
                    s.to_string()
                }
            }
        }
    }
}

/// A named column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Header / Parquet field name.
    pub name: String,
    /// Values, one per row.
    pub data: ColumnData,
}

/// Rows of typed columns, all the same length.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// The columns, in output order.
    pub columns: Vec<Column>,
}

/// Output format of tabular results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// Comma-separated, RFC 4180 quoting.
    Csv,
    /// Tab-separated; tabs and newlines inside values become spaces.
    Tsv,
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn tsv_cell(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

impl Table {
    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, |c| c.data.len())
    }

    fn str_col(name: &str, v: Vec<Option<String>>) -> Column {
        Column { name: name.into(), data: ColumnData::Str(v) }
    }

    fn int_col(name: &str, v: Vec<i64>) -> Column {
        Column { name: name.into(), data: ColumnData::Int(v) }
    }

    fn float_col(name: &str, v: Vec<f64>) -> Column {
        Column { name: name.into(), data: ColumnData::Float(v) }
    }

    /// Writes a header line and one line per row.
    pub fn write_delimited<W: Write>(&self, mut w: W, delimiter: Delimiter) -> Result<()> {
        let (sep, esc): (&str, fn(&str) -> String) = match delimiter {
            Delimiter::Csv => (",", csv_cell),
            Delimiter::Tsv => ("\t", tsv_cell),
        };
        let header: Vec<String> = self.columns.iter().map(|c| esc(&c.name)).collect();
        writeln!(w, "{}", header.join(sep))?;
        for row in 0..self.rows() {
            let cells: Vec<String> = self.columns.iter().map(|c| esc(&c.data.cell(row))).collect();
            writeln!(w, "{}", cells.join(sep))?;
        }
        w.flush()?;
        Ok(())
    }

    /// Writes an aligned plain-text table for terminals.
    pub fn write_text<W: Write>(&self, mut w: W) -> Result<()> {
        let cells: Vec<Vec<String>> =
            self.columns.iter().map(|c| std::iter::once(c.name.clone()).chain((0..self.rows()).map(|r| tsv_cell(&c.data.cell(r)))).collect()).collect();
        let widths: Vec<usize> = cells.iter().map(|col| col.iter().map(|s| s.chars().count()).max().unwrap_or(0)).collect();
        for row in 0..=self.rows() {
            let mut line = String::new();
            for (ci, col) in cells.iter().enumerate() {
                if ci > 0 {
                    line.push_str("  ");
                }
                let s = &col[row];
                let pad = widths[ci] - s.chars().count();
                // Numbers right-aligned, text left-aligned.
                let numeric = !matches!(self.columns[ci].data, ColumnData::Str(_));
                if numeric && row > 0 {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(s);
                } else {
                    line.push_str(s);
                    line.push_str(&" ".repeat(pad));
                }
            }
            writeln!(w, "{}", line.trim_end())?;
        }
        w.flush()?;
        Ok(())
    }

    /// Writes an uncompressed Parquet file (one row group per 65,536 rows).
    #[cfg(feature = "parquet")]
    pub fn write_parquet<W: Write + Send>(&self, w: W) -> Result<()> {
        parquet_out::write(self, w)
    }
}

/// Writes records as JSON Lines, exactly the format `dyad code` writes.
pub fn write_jsonl<W: Write>(mut w: W, records: &[EventRecord]) -> Result<()> {
    for r in records {
        serde_json::to_writer(&mut w, r).map_err(std::io::Error::other)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    Ok(())
}

/// Flattens records into the columns used by CSV, TSV and Parquet output.
pub fn records_table(records: &[EventRecord]) -> Table {
    let s = |f: &dyn Fn(&EventRecord) -> Option<String>| -> Vec<Option<String>> { records.iter().map(f).collect() };
    let actor = |a: &ActorRecord| a.code.clone();
    let sectors = |a: &ActorRecord| a.sectors.join(" ");
    Table {
        columns: vec![
            Table::str_col("event_id", s(&|r| Some(r.event_id.clone()))),
            Table::str_col("doc_id", s(&|r| Some(r.doc_id.clone()))),
            Table::str_col("date", s(&|r| r.date.clone())),
            Table::str_col("date_precision", s(&|r| Some(r.date_precision.clone()))),
            Table::str_col("source_code", s(&|r| Some(actor(&r.source)))),
            Table::str_col("source_country", s(&|r| r.source.country.clone())),
            Table::str_col("source_sectors", s(&|r| Some(sectors(&r.source)))),
            Table::str_col("source_text", s(&|r| Some(r.source.text.clone()))),
            Table::str_col("target_code", s(&|r| r.target.as_ref().map(actor))),
            Table::str_col("target_country", s(&|r| r.target.as_ref().and_then(|t| t.country.clone()))),
            Table::str_col("target_sectors", s(&|r| r.target.as_ref().map(sectors))),
            Table::str_col("target_text", s(&|r| r.target.as_ref().map(|t| t.text.clone()))),
            Table::str_col("cameo", s(&|r| Some(r.cameo.clone()))),
            Table::str_col("cameo_root", s(&|r| Some(r.cameo_root.clone()))),
            Table::str_col("cameo_label", s(&|r| Some(r.cameo_label.clone()))),
            Table::float_col("goldstein", records.iter().map(|r| r.goldstein as f64).collect()),
            Table::int_col("quad_class", records.iter().map(|r| r.quad_class as i64).collect()),
            Table::str_col("plover", s(&|r| Some(r.plover.event.clone()))),
            Table::str_col("plover_mode", s(&|r| Some(r.plover.mode.clone()))),
            Table::str_col("plover_context", s(&|r| Some(r.plover.context.join(" ")))),
            Table::str_col("place", s(&|r| r.place.as_ref().map(|p| p.name.clone()))),
            Table::str_col("place_country", s(&|r| r.place.as_ref().and_then(|p| p.country.clone()))),
            Table::str_col("verb", s(&|r| Some(r.evidence.verb.clone()))),
            Table::str_col("sentence", s(&|r| Some(r.sentence.text.clone()))),
            Table::int_col("mentions", records.iter().map(|r| r.mentions as i64).collect()),
        ],
    }
}

/// Column names of the quad-class counts in dyad tables, index = quad class.
pub const QUAD_COLUMNS: [&str; 5] = ["neutral", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"];

/// Flattens dyad rows: fixed columns, then one count column per PLOVER type
/// present in any row (`plover_CONSULT` ...), sorted by name.
pub fn dyads_table(rows: &[DyadRow]) -> Table {
    let mut columns = vec![
        Table::str_col("period", rows.iter().map(|r| Some(r.period.clone())).collect()),
        Table::int_col("events", rows.iter().map(|r| r.events as i64).collect()),
        Table::int_col("articles", rows.iter().map(|r| r.articles as i64).collect()),
    ];
    for (q, name) in QUAD_COLUMNS.iter().enumerate() {
        columns.push(Table::int_col(name, rows.iter().map(|r| r.quad[q] as i64).collect()));
    }
    columns.push(Table::float_col("goldstein_sum", rows.iter().map(|r| r.goldstein_sum).collect()));
    columns.push(Table::float_col("goldstein_mean", rows.iter().map(|r| r.goldstein_mean).collect()));
    let types: BTreeSet<&String> = rows.iter().flat_map(|r| r.plover.keys()).collect();
    for t in types {
        columns.push(Table::int_col(&format!("plover_{t}"), rows.iter().map(|r| r.plover.get(t).copied().unwrap_or(0) as i64).collect()));
    }
    Table { columns }
}

#[cfg(feature = "parquet")]
mod parquet_out {
    use std::io::Write;
    use std::sync::Arc;

    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;

    use super::{ColumnData, Table};
    use crate::{Result, StoreError};

    const ROW_GROUP: usize = 65_536;

    fn err(e: parquet::errors::ParquetError) -> StoreError {
        StoreError::Parquet(e.to_string())
    }

    /// Parquet field names allow more than this, but the message-type parser
    /// does not; our column names are all `[A-Za-z0-9_]`, PLOVER types included.
    fn field_name(name: &str) -> String {
        name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect()
    }

    pub(super) fn write<W: Write + Send>(table: &Table, w: W) -> Result<()> {
        let mut fields = String::new();
        for c in &table.columns {
            let name = field_name(&c.name);
            fields.push_str(&match c.data {
                ColumnData::Str(_) => format!("OPTIONAL BYTE_ARRAY {name} (UTF8);\n"),
                ColumnData::Int(_) => format!("REQUIRED INT64 {name};\n"),
                ColumnData::Float(_) => format!("REQUIRED DOUBLE {name};\n"),
            });
        }
        let schema = Arc::new(parse_message_type(&format!("message dyad {{\n{fields}}}")).map_err(err)?);
        let props = Arc::new(WriterProperties::builder().build());
        let mut writer = SerializedFileWriter::new(w, schema, props).map_err(err)?;
        let rows = table.rows();
        let mut start = 0;
        // An empty table still gets one (empty) row group so readers see the schema.
        loop {
            let end = (start + ROW_GROUP).min(rows);
            let mut rg = writer.next_row_group().map_err(err)?;
            for c in &table.columns {
                let mut col = rg.next_column().map_err(err)?.ok_or_else(|| StoreError::Parquet("schema has fewer columns than the table".into()))?;
                match &c.data {
                    ColumnData::Str(v) => {
                        let slice = &v[start..end];
                        let defs: Vec<i16> = slice.iter().map(|x| i16::from(x.is_some())).collect();
                        let vals: Vec<ByteArray> = slice.iter().flatten().map(|s| ByteArray::from(s.as_str())).collect();
                        col.typed::<ByteArrayType>().write_batch(&vals, Some(&defs), None).map_err(err)?;
                    }
                    ColumnData::Int(v) => {
                        col.typed::<Int64Type>().write_batch(&v[start..end], None, None).map_err(err)?;
                    }
                    ColumnData::Float(v) => {
                        col.typed::<DoubleType>().write_batch(&v[start..end], None, None).map_err(err)?;
                    }
                }
                col.close().map_err(err)?;
            }
            rg.close().map_err(err)?;
            start = end;
            if start >= rows {
                break;
            }
        }
        writer.close().map_err(err)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            columns: vec![
                Table::str_col("name", vec![Some("a,b".into()), None, Some("say \"hi\"\n".into())]),
                Table::int_col("n", vec![1, 22, 333]),
                Table::float_col("g", vec![1.5, -2.0, 0.0]),
            ],
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let mut out = Vec::new();
        table().write_delimited(&mut out, Delimiter::Csv).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s, "name,n,g\n\"a,b\",1,1.5\n,22,-2\n\"say \"\"hi\"\"\n\",333,0\n");
    }

    #[test]
    fn tsv_flattens_separators() {
        let mut out = Vec::new();
        table().write_delimited(&mut out, Delimiter::Tsv).unwrap();
        let s = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[3], "say \"hi\" \t333\t0");
    }

    #[test]
    fn text_table_aligns_columns() {
        let mut out = Vec::new();
        table().write_text(&mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        // Width of column 1 is that of `say "hi" ` (newline flattened).
        assert_eq!(lines[0], "name       n    g");
        assert_eq!(lines[1], "a,b          1  1.5");
        assert_eq!(lines[2], "            22   -2");
    }
}
