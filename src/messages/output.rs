//! Messages of writing the output (src/output.rs, the choice of format in src/report/mod.rs).

crate::catalogue! {
    /// `-o` names an input file.
    output_is_input(output: std::path::Display<'_>, input: std::path::Display<'_>) {
        en: "-o {output}: is one of the study's input files ({input}); writing the report there would replace the data: give another file name",
        fr: "-o {output} : c'est un des fichiers d'entrée de l'étude ({input}) ; y écrire le rapport remplacerait les données : donnez un autre nom de fichier",
    }
    /// `-o` names a folder.
    output_is_folder(path: std::path::Display<'_>) {
        en: "{path}: is a folder; give a file name for the output (-o report.csv)",
        fr: "{path} : c'est un dossier ; donnez un nom de fichier pour la sortie (-o rapport.csv)",
    }
    /// The temporary file cannot be made beside the output.
    cannot_write_here(path: std::path::Display<'_>) {
        en: "{path}: cannot write the output here (fix: check that the folder exists and is writable)",
        fr: "{path} : impossible d'écrire la sortie ici (correction : vérifiez que le dossier existe et qu'on peut y écrire)",
    }
    /// Writing failed.
    cannot_write(path: std::path::Display<'_>) {
        en: "{path}: cannot write", fr: "{path} : écriture impossible",
    }
    /// Renaming the temporary file into place failed (`error` is the system's).
    cannot_write_because(path: std::path::Display<'_>, error: String, fix: &crate::diag::Msg) {
        en: "{path}: cannot write: {error}{fix}", fr: "{path} : écriture impossible : {error}{fix}",
    }
    /// On Windows, a file open in Excel.
    close_the_file() {
        en: " (fix: close the file if Excel or another program has it open, then run again)",
        fr: " (correction : fermez le fichier si Excel ou un autre programme l'a ouvert, puis relancez)",
    }
    /// `-o r.xlsx` for a command that writes no XLSX.
    format_not_written(output: String, names: String, implied: &str, extensions: String) {
        en: "{output}: this command writes {names}, not {implied} (fix: give --format, or a file name ending in {extensions})",
        fr: "{output} : cette commande écrit {names}, pas {implied} (correction : donnez --format, ou un nom de fichier finissant par {extensions})",
    }
    /// A format the command does not write.
    unsupported_format(format: &str) {
        en: "this command does not write --format {format}", fr: "cette commande n'écrit pas --format {format}",
    }
    /// A row with more or fewer cells than its columns (a bug of the command's rows).
    record_width(fields: usize, width: usize) {
        en: "CSV: a row with {fields} fields, but the header has {width} (a bug of this command's rows: please report it)",
        fr: "CSV : une ligne de {fields} champs, mais l'en-tête en a {width} (une erreur des lignes de cette commande : signalez-la)",
    }
    /// Rows that said they could be reached by index could not (a bug of the command's rows).
    rows_not_by_index() {
        en: "the rows of this command cannot be reached by index (a bug: please report it)",
        fr: "les lignes de cette commande ne s'atteignent pas par leur rang (une erreur : signalez-la)",
    }
    /// The XLSX writer failed.
    cannot_build_workbook(error: String) {
        en: "cannot build the workbook: {error}", fr: "impossible de construire le classeur : {error}",
    }
}
