//! Messages of the workbook reader (src/study/workbook.rs and workbook/).
//!
//! The low-level reasons a damaged workbook gives (a zip part, an OLE sector chain, the
//! spreadsheet library's own error) are technical details for whoever repairs the file: they
//! are shown as they are, inside a message that is in the user's language.

use crate::diag::Msg;

crate::catalogue! {
    cannot_be_opened(error: &str) {
        en: "cannot be opened: {error}",
        fr: "ne peut pas être ouvert : {error}",
    }
    cannot_be_opened_hint() {
        en: "check the path and that the file is readable (close it in Excel if it is locked)",
        fr: "vérifiez le chemin et que le fichier est lisible (fermez-le dans Excel s'il est verrouillé)",
    }
    not_a_workbook(why: &Msg) {
        en: "cannot be read as a workbook: {why}",
        fr: "ne peut pas être lu comme un classeur : {why}",
    }
    not_a_workbook_hint() {
        en: "open it in Excel or LibreOffice and save it again as .xlsx, or export the sheet as CSV",
        fr: "ouvrez-le dans Excel ou LibreOffice et enregistrez-le à nouveau en .xlsx, ou exportez la feuille en CSV",
    }
    empty_file() { en: "the file is empty (0 bytes)", fr: "le fichier est vide (0 octet)" }
    empty_file_hint() {
        en: "the file was not saved completely: save it again from Excel or LibreOffice",
        fr: "le fichier n'a pas été enregistré complètement : enregistrez-le à nouveau depuis Excel ou LibreOffice",
    }
    html_page() {
        en: "it is an HTML page saved with a workbook name (some web exports do this)",
        fr: "c'est une page HTML enregistrée sous un nom de classeur (certains exports web font cela)",
    }
    xml_text() {
        en: "it is an XML text file, not a workbook",
        fr: "c'est un fichier texte XML, pas un classeur",
    }
    markup_hint() {
        en: "open it in Excel or LibreOffice and save it as .xlsx, or export the table as CSV",
        fr: "ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx, ou exportez la table en CSV",
    }
    text_file() {
        en: "it is a text file (CSV?) with a workbook name",
        fr: "c'est un fichier texte (CSV ?) avec un nom de classeur",
    }
    text_file_hint() {
        en: "rename it with the extension it really has (.csv), or open it in Excel and save it as .xlsx",
        fr: "renommez-le avec l'extension qu'il a vraiment (.csv), ou ouvrez-le dans Excel et enregistrez-le en .xlsx",
    }
    unknown_kind() {
        en: "it is neither an Excel nor an OpenDocument file",
        fr: "ce n'est ni un fichier Excel ni un fichier OpenDocument",
    }
    damaged_or_incomplete(why: &Msg) {
        en: "the file is damaged or incomplete ({why})",
        fr: "le fichier est endommagé ou incomplet ({why})",
    }
    damaged_or_incomplete_hint() {
        en: "the file may have been cut short (a failed copy or download): copy it again, or open it in Excel and save it again",
        fr: "le fichier a peut-être été tronqué (une copie ou un téléchargement raté) : copiez-le à nouveau, ou ouvrez-le dans Excel et enregistrez-le à nouveau",
    }
    word_document() {
        en: "it is a Word document, not a workbook",
        fr: "c'est un document Word, pas un classeur",
    }
    word_document_hint() {
        en: "copy the table into Excel and save it as .xlsx",
        fr: "copiez la table dans Excel et enregistrez-la en .xlsx",
    }
    other_zip() {
        en: "it is a zip archive but not a workbook",
        fr: "c'est une archive zip mais pas un classeur",
    }
    other_zip_hint() {
        en: "give the workbook itself (.xlsx, .ods), or unzip the archive",
        fr: "donnez le classeur lui-même (.xlsx, .ods), ou décompressez l'archive",
    }
    password() { en: "it is protected by a password", fr: "il est protégé par un mot de passe" }
    password_hint() {
        en: "open it in Excel, remove the password (File > Info > Protect Workbook), and save it again",
        fr: "ouvrez-le dans Excel, retirez le mot de passe (Fichier > Informations > Protéger le classeur), et enregistrez-le à nouveau",
    }
    damaged(why: &Msg) {
        en: "the file is damaged ({why})",
        fr: "le fichier est endommagé ({why})",
    }
    xls_too_large(mib: u64) {
        en: "it is larger than {mib} MiB, the largest .xls wisn reads",
        fr: "il dépasse {mib} Mio, le plus grand .xls que wisn lit",
    }
    xls_too_large_hint() {
        en: "open it in Excel or LibreOffice and save it as .xlsx",
        fr: "ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx",
    }
    sheet_guess(name: &str) {
        en: "did you mean \"{name}\"? give FILE#{name}",
        fr: "vouliez-vous dire \"{name}\" ? donnez FICHIER#{name}",
    }
    sheet_hint() {
        en: "give one of the sheets as FILE#Sheet, or rename the sheet",
        fr: "donnez l'une des feuilles sous la forme FICHIER#Feuille, ou renommez la feuille",
    }
    no_sheet() { en: "has no sheet", fr: "n'a pas de feuille" }
    no_sheet_named(sheet: &str, list: &str) {
        en: "has no sheet named \"{sheet}\"; its sheets are: {list}",
        fr: "n'a pas de feuille nommée \"{sheet}\" ; ses feuilles sont : {list}",
    }
    formula_cells_in_all(n: usize) {
        en: " ({n} formula cells in all)",
        fr: " ({n} cellules de formule en tout)",
    }
    formula_without_result(more: &Msg) {
        en: "is a formula with no saved result{more}: it would read as blank",
        fr: "est une formule sans résultat enregistré{more} : elle serait lue comme vide",
    }
    formula_without_result_hint() {
        en: "the workbook was written by a program that does not compute formulas: open it in Excel or LibreOffice and save it, then run again",
        fr: "le classeur a été écrit par un programme qui ne calcule pas les formules : ouvrez-le dans Excel ou LibreOffice et enregistrez-le, puis relancez",
    }
    sheet_damaged(why: &Msg) {
        en: "cannot be read: the sheet is damaged ({why})",
        fr: "ne peut pas être lu : la feuille est endommagée ({why})",
    }
    sheet_damaged_hint() {
        en: "open the workbook in Excel or LibreOffice and save it again as .xlsx, or export the sheet as CSV",
        fr: "ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le à nouveau en .xlsx, ou exportez la feuille en CSV",
    }

    // ---- why a workbook is damaged (workbook/zip_check.rs, xls_check.rs, ods.rs) ----
    part_bomb(name: &str, declared: u64, compressed: u64, max: u64) {
        en: "its part {name} declares {declared} bytes from {compressed} compressed, more than {max} times: refused as a decompression bomb",
        fr: "sa partie {name} déclare {declared} octets pour {compressed} compressés, plus de {max} fois : refusée comme bombe de décompression",
    }
    part_larger(name: &str, declared: u64) {
        en: "its part {name} holds more than the {declared} bytes it declares",
        fr: "sa partie {name} contient plus que les {declared} octets qu'elle déclare",
    }
    part_damaged(name: &str, error: &str) {
        en: "its part {name} is damaged ({error})",
        fr: "sa partie {name} est endommagée ({error})",
    }
    shared_string_out(index: u64, strings: u64) {
        en: "a cell refers to shared string {index}, but the workbook holds {strings}",
        fr: "une cellule renvoie à la chaîne partagée {index}, mais le classeur n'en contient que {strings}",
    }
    xls_sector_overflow() {
        en: "a sector number overflows",
        fr: "un numéro de secteur déborde",
    }
    xls_sector_past_end(id: u32) {
        en: "sector {id} lies past the end of the file",
        fr: "le secteur {id} est au-delà de la fin du fichier",
    }
    xls_chain_outside(id: &str) {
        en: "a sector chain points to sector {id}, outside the file",
        fr: "une chaîne de secteurs pointe vers le secteur {id}, hors du fichier",
    }
    xls_chain_loops() { en: "a sector chain loops", fr: "une chaîne de secteurs boucle" }
    xls_too_large_save(mib: u64) {
        en: "it is larger than {mib} MiB, the largest .xls wisn reads (save it as .xlsx)",
        fr: "il dépasse {mib} Mio, le plus grand .xls que wisn lit (enregistrez-le en .xlsx)",
    }
    xls_cut_short() {
        en: "it is cut short (smaller than its header)",
        fr: "il est tronqué (plus petit que son en-tête)",
    }
    xls_sector_size() { en: "its sector size is invalid", fr: "sa taille de secteur est invalide" }
    xls_mini_sector_size() {
        en: "its mini-sector size is invalid",
        fr: "sa taille de mini-secteur est invalide",
    }
    xls_too_many_sectors() {
        en: "its header declares more sectors than the file holds",
        fr: "son en-tête déclare plus de secteurs que le fichier n'en contient",
    }
    xls_difat_length() {
        en: "its header declares an impossible DIFAT length",
        fr: "son en-tête déclare une longueur de DIFAT impossible",
    }
    xls_difat_loops() { en: "its DIFAT chain loops", fr: "sa chaîne DIFAT boucle" }
    xls_directory_short() {
        en: "its directory is shorter than declared",
        fr: "son répertoire est plus court que déclaré",
    }
    xls_directory_empty() { en: "its directory is empty", fr: "son répertoire est vide" }
    xls_mini_stream_large() {
        en: "its mini stream is larger than the file",
        fr: "son mini-flux est plus grand que le fichier",
    }
    xls_mini_stream_short() {
        en: "its mini stream is shorter than declared",
        fr: "son mini-flux est plus court que déclaré",
    }
    xls_stream_too_long(name: &str, len: u64) {
        en: "its stream \"{name}\" declares {len} bytes, more than the file",
        fr: "son flux \"{name}\" déclare {len} octets, plus que le fichier",
    }
    xls_stream_outside(name: &str) {
        en: "its stream \"{name}\" points outside the mini stream",
        fr: "son flux \"{name}\" pointe hors du mini-flux",
    }
    xls_stream_loops(name: &str) {
        en: "its stream \"{name}\" loops",
        fr: "son flux \"{name}\" boucle",
    }
    xls_stream_short(name: &str) {
        en: "its stream \"{name}\" is shorter than declared",
        fr: "son flux \"{name}\" est plus court que déclaré",
    }
    xls_sheet_past_end() {
        en: "a sheet starts past the end of the workbook stream",
        fr: "une feuille commence au-delà de la fin du flux du classeur",
    }
    xls_sheet_too_many_cells(cells_spanned: u64, cells: u64, max: u64) {
        en: "a sheet declares or spans {cells_spanned} cells for {cells} values, more than wisn allocates ({max} cells, or 16 per value)",
        fr: "une feuille déclare ou couvre {cells_spanned} cellules pour {cells} valeurs, plus que wisn n'en alloue ({max} cellules, ou 16 par valeur)",
    }
    ods_repeats(row: u64, max: u64) {
        en: "row {row} repeats its values over more than {max} cells (table:number-rows-repeated / number-columns-repeated), more than wisn expands",
        fr: "la ligne {row} répète ses valeurs sur plus de {max} cellules (table:number-rows-repeated / number-columns-repeated), plus que wisn n'en développe",
    }
    not_a_worksheet(kind: &str) {
        en: "the sheet is a {kind}, not a worksheet",
        fr: "la feuille est de type {kind}, pas une feuille de calcul",
    }
    reader_stopped() {
        en: "the reader stopped on malformed content",
        fr: "le lecteur s'est arrêté sur un contenu malformé",
    }
}
