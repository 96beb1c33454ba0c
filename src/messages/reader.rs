//! Messages of the file readers: streams, archives, CSV, the workload table
//! (src/study/stream.rs, csv_source.rs, workload.rs, fast.rs, source.rs).

use crate::diag::Msg;

crate::catalogue! {
    // ---- streams and archives (stream.rs) ----
    cannot_be_read(why: &Msg) {
        en: "cannot be read: {why}",
        fr: "ne peut pas être lu : {why}",
    }
    cannot_be_read_io(error: &str) {
        en: "cannot be read: {error}",
        fr: "ne peut pas être lu : {error}",
    }
    damaged(why: &Msg) {
        en: "the file is damaged ({why})",
        fr: "le fichier est endommagé ({why})",
    }
    expansion(max: u64, out: u64, input: u64) {
        en: "decompresses to more than {max} times its size ({out} bytes from {input}): refused as a decompression bomb",
        fr: "se décompresse en plus de {max} fois sa taille ({out} octets à partir de {input}) : refusé comme bombe de décompression",
    }
    row_too_long(max: u64) {
        en: "holds a row of more than {max} bytes (1 MiB), the largest row wisn reads",
        fr: "contient une ligne de plus de {max} octets (1 Mio), la plus longue ligne que wisn lit",
    }
    damaged_hint() {
        en: "the file was cut short or corrupted (a failed copy or download): copy or download it again, or re-create the archive",
        fr: "le fichier a été tronqué ou corrompu (une copie ou un téléchargement raté) : copiez-le ou téléchargez-le à nouveau, ou recréez l'archive",
    }
    expansion_hint() {
        en: "decompress the file yourself and give the plain CSV if it is genuine",
        fr: "décompressez le fichier vous-même et donnez le CSV simple s'il est authentique",
    }
    row_too_long_hint() {
        en: "check for an unclosed quote (\") above this line, or that the file really is a table",
        fr: "cherchez un guillemet (\") non fermé au-dessus de cette ligne, ou vérifiez que le fichier est bien une table",
    }
    is_a_folder() { en: "is a folder, not a table file", fr: "est un dossier, pas un fichier de table" }
    is_a_folder_hint() {
        en: "give the file inside it (e.g. FOLDER/workload.csv), or give the folder as the study",
        fr: "donnez le fichier qu'il contient (p. ex. DOSSIER/workload.csv), ou donnez le dossier comme étude",
    }
    does_not_exist() { en: "does not exist", fr: "n'existe pas" }
    does_not_exist_hint() {
        en: "check the path and the file name",
        fr: "vérifiez le chemin et le nom du fichier",
    }
    cannot_be_opened(error: &str) {
        en: "cannot be opened: {error}",
        fr: "ne peut pas être ouvert : {error}",
    }
    cannot_be_opened_hint() {
        en: "check the path and that the file is readable",
        fr: "vérifiez le chemin et que le fichier est lisible",
    }
    bad_zip(why: &Msg) {
        en: "is not a readable zip archive: {why}",
        fr: "n'est pas une archive zip lisible : {why}",
    }
    bad_zip_hint() {
        en: "re-create the archive, or unzip it and give the CSV file",
        fr: "recréez l'archive, ou décompressez-la et donnez le fichier CSV",
    }
    no_zip_entry(wanted: &str, files: &str) {
        en: "holds no file named \"{wanted}\"; its files are: {files}",
        fr: "ne contient pas de fichier nommé \"{wanted}\" ; ses fichiers sont : {files}",
    }
    no_zip_entry_hint(archive: &str, example: &str) {
        en: "name one of them after #, e.g. {archive}#{example}",
        fr: "nommez l'un d'eux après #, p. ex. {archive}#{example}",
    }
    zip_no_table() {
        en: "it holds no .csv, .tsv, .txt or .json file",
        fr: "elle ne contient aucun fichier .csv, .tsv, .txt ou .json",
    }
    ambiguous_zip(n: usize, files: &str) {
        en: "holds {n} table files: {files}; wisn does not guess which one is meant",
        fr: "contient {n} fichiers de table : {files} ; wisn ne devine pas lequel est voulu",
    }
    ambiguous_zip_hint(display: &str, first: &str) {
        en: "name the file after #: {display}#{first} (or keep one table file per archive)",
        fr: "nommez le fichier après # : {display}#{first} (ou gardez un seul fichier de table par archive)",
    }
    zip_encrypted() {
        en: "its file is password-protected",
        fr: "son fichier est protégé par un mot de passe",
    }
    zip_cut_short() {
        en: "the archive is cut short: its file's data goes past the end",
        fr: "l'archive est tronquée : les données de son fichier vont au-delà de la fin",
    }
    zip_method(method: &str) {
        en: "its file is compressed with {method}, which wisn does not read",
        fr: "son fichier est compressé avec {method}, que wisn ne lit pas",
    }
    compressed_ends_early() {
        en: "it ends in the middle of the compressed data",
        fr: "il s'arrête au milieu des données compressées",
    }
    compressed_corrupt(error: &str) {
        en: "the compressed data is corrupt: {error}",
        fr: "les données compressées sont corrompues : {error}",
    }
    zip_more_than_declared(size: u64) {
        en: "its file holds more than the {size} bytes the archive declares",
        fr: "son fichier contient plus que les {size} octets que l'archive déclare",
    }
    zip_size_mismatch(seen: u64, size: u64) {
        en: "its file holds {seen} bytes, the archive declares {size}",
        fr: "son fichier contient {seen} octets, l'archive en déclare {size}",
    }
    zip_crc_mismatch(declared: &str, actual: &str) {
        en: "CRC-32 mismatch: the archive declares {declared}, the data gives {actual}",
        fr: "CRC-32 différent : l'archive déclare {declared}, les données donnent {actual}",
    }

    // ---- CSV (csv_source.rs) ----
    csv_read_hint() {
        en: "check that the file is a text (CSV) file and not damaged",
        fr: "vérifiez que le fichier est un fichier texte (CSV) et qu'il n'est pas endommagé",
    }
    looks_like_workbook() {
        en: "looks like a workbook (xlsx/xls), not a CSV text file",
        fr: "ressemble à un classeur (xlsx/xls), pas à un fichier texte CSV",
    }
    looks_like_workbook_hint() {
        en: "give the file the .xlsx/.xls extension it really has, or save it as CSV",
        fr: "donnez au fichier l'extension .xlsx/.xls qu'il a vraiment, ou enregistrez-le en CSV",
    }
    bad_csv(error: &str) {
        en: "is not readable as CSV: {error}",
        fr: "n'est pas lisible comme du CSV : {error}",
    }
    bad_csv_hint() {
        en: "check for an unclosed quote (\") on that line",
        fr: "cherchez un guillemet (\") non fermé sur cette ligne",
    }
    unclosed_quote() {
        en: "has a quoted field (starting with \") that never closes: everything after it to the end of the file was read as one cell",
        fr: "a un champ entre guillemets (commençant par \") qui ne se ferme jamais : tout ce qui suit jusqu'à la fin du fichier a été lu comme une seule cellule",
    }
    unclosed_quote_hint() {
        en: "close the quote (\") of that field, or remove the stray quote, then save again",
        fr: "fermez le guillemet (\") de ce champ, ou retirez le guillemet en trop, puis enregistrez à nouveau",
    }
    encoding_fallback() {
        en: "is not valid UTF-8: read as Windows-1252 (the usual encoding of French Excel's CSV)",
        fr: "n'est pas de l'UTF-8 valide : lu comme Windows-1252 (l'encodage habituel des CSV de l'Excel français)",
    }
    encoding_fallback_hint() {
        en: "save as \"CSV UTF-8\" to silence this, or give --encoding windows-1252",
        fr: "enregistrez en \"CSV UTF-8\" pour faire taire cet avertissement, ou donnez --encoding windows-1252",
    }

    // ---- the workload table (workload.rs) ----
    no_activities() {
        en: "has neither an activity and a volume column (long form) nor activity columns (wide form)",
        fr: "n'a ni colonnes activité et volume (forme longue) ni colonnes d'activités (forme large)",
    }
    no_activities_hint() {
        en: "use columns facility_id, activity, volume[, period], or facility_id and one column per activity",
        fr: "utilisez les colonnes facility_id, activity, volume[, period], ou facility_id et une colonne par activité",
    }
    year_without_periods(year: i32) {
        en: "--year {year} has no effect: the workload table has no period column",
        fr: "--year {year} est sans effet : la table workload n'a pas de colonne de période",
    }
    year_without_periods_hint() {
        en: "add a period column, or leave out --year",
        fr: "ajoutez une colonne de période, ou retirez --year",
    }
    year_rows(year: i32, n: u64) {
        en: "{year} ({n} rows)",
        fr: "{year} ({n} lignes)",
        one(n): en: "{year} ({n} row)",
        fr: "{year} ({n} ligne)",
    }
    year_without_data(year: i32, years: &Msg) {
        en: "has no workload for --year {year}: its periods are of {years}",
        fr: "n'a pas de charge de travail pour --year {year} : ses périodes sont de {years}",
    }
    year_without_data_hint() {
        en: "give --year with a year the table holds, or the workload export of that year",
        fr: "donnez --year avec une année que la table contient, ou l'export de la charge de travail de cette année",
    }
    outside_year(total: u64, year: i32, years: &str) {
        en: "{total} workload rows of periods outside {year} were left out ({years})",
        fr: "{total} lignes de charge de travail de périodes hors de {year} ont été laissées de côté ({years})",
        one(total): en: "{total} workload row of a period outside {year} was left out ({years})",
        fr: "{total} ligne de charge de travail d'une période hors de {year} a été laissée de côté ({years})",
    }
    blank_period(n: u64, rows: &str, more: &str) {
        en: "{n} workload rows have a blank period and are in no year: they are not counted under --year (rows {rows}{more})",
        fr: "{n} lignes de charge de travail ont une période vide et ne sont dans aucune année : elles ne sont pas comptées avec --year (lignes {rows}{more})",
        one(n): en: "{n} workload row has a blank period and is in no year: it is not counted under --year (row {rows}{more})",
        fr: "{n} ligne de charge de travail a une période vide et n'est dans aucune année : elle n'est pas comptée avec --year (ligne {rows}{more})",
    }
    blank_period_hint() {
        en: "fill in the period of those rows (2023-01, 2023Q1, 2023), or leave out --year",
        fr: "remplissez la période de ces lignes (2023-01, 2023Q1, 2023), ou retirez --year",
    }
    periods_not_monthly() {
        en: "workload periods are not all months (or some are blank): completeness is not computed",
        fr: "les périodes de la charge de travail ne sont pas toutes des mois (ou certaines sont vides) : la complétude n'est pas calculée",
    }
    workload_blank_facility() {
        en: "is blank: every workload row needs a facility code",
        fr: "est vide : chaque ligne de charge de travail doit avoir un code de structure",
    }
    workload_blank_facility_hint() {
        en: "fill in the facility code or delete the row",
        fr: "remplissez le code de structure ou supprimez la ligne",
    }
    workload_blank_activity() {
        en: "is blank: a workload row with a volume needs its activity",
        fr: "est vide : une ligne de charge de travail avec un volume doit avoir son activité",
    }
    workload_blank_activity_hint() {
        en: "fill in the activity or delete the row",
        fr: "remplissez l'activité ou supprimez la ligne",
    }
    not_a_period() { en: "is not a period", fr: "n'est pas une période" }
    not_a_period_hint() {
        en: "write a month as 2023-01 or 202301, a quarter as 2023Q1, a year as 2023",
        fr: "écrivez un mois sous la forme 2023-01 ou 202301, un trimestre 2023Q1, une année 2023",
    }
    negative_volume() { en: "is a negative volume", fr: "est un volume négatif" }
    negative_volume_hint() {
        en: "volumes count activities done: correct the value or leave the cell blank",
        fr: "les volumes comptent les activités faites : corrigez la valeur ou laissez la cellule vide",
    }
    repeated_what(facility: &str, activity: &str, period: &Msg) {
        en: "facility {facility}, activity \"{activity}\", {period}",
        fr: "structure {facility}, activité \"{activity}\", {period}",
    }
    repeated_row(first: usize, what: &Msg, volume: &super::Dec) {
        en: "repeats row {first} ({what}, volume {volume}): the two are summed",
        fr: "répète la ligne {first} ({what}, volume {volume}) : les deux lignes sont additionnées",
    }
    repeated_row_hint() {
        en: "delete the repeated row if it was pasted twice (--strict makes this an error)",
        fr: "supprimez la ligne répétée si elle a été collée deux fois (--strict en fait une erreur)",
    }
    repeated_key(what: &Msg, first: usize, first_volume: &super::Dec, volume: &super::Dec) {
        en: "gives {what} a second time (row {first}: {first_volume}, here: {volume}): the two are summed",
        fr: "donne une deuxième fois {what} (ligne {first} : {first_volume}, ici : {volume}) : les deux valeurs sont additionnées",
    }
    repeated_key_hint() {
        en: "keep one row per facility, activity and period (correct the period or the facility of one of them); if both are real parts of the total, add them up in one row",
        fr: "gardez une ligne par structure, activité et période (corrigez la période ou la structure de l'une d'elles) ; si les deux sont de vraies parts du total, additionnez-les sur une ligne",
    }
    more_repeats(n: usize) {
        en: "... and {n} more workload rows repeat a facility, activity and period already given",
        fr: "... et {n} lignes de charge de travail de plus répètent une structure, une activité et une période déjà données",
        one(n): en: "... and {n} more workload row repeats a facility, activity and period already given",
        fr: "... et {n} ligne de charge de travail de plus répète une structure, une activité et une période déjà données",
    }
    no_period() { en: "no period", fr: "sans période" }
    unknown_encoding(name: &str) {
        en: "unknown encoding '{name}' (try utf-8, windows-1252, utf-16)",
        fr: "encodage '{name}' inconnu (essayez utf-8, windows-1252, utf-16)",
    }
}

/// A text that comes from a library (the zip or JSON reader's own error) and is shown as it is
/// in both languages, inside a message of the catalogue.
pub fn verbatim(text: impl Into<String>) -> Msg {
    let text = text.into();
    Msg::new(text.clone(), text)
}
