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
    damaged_or_incomplete(why: &str) {
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
    damaged(why: &str) {
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
    sheet_damaged(why: &str) {
        en: "cannot be read: the sheet is damaged ({why})",
        fr: "ne peut pas être lu : la feuille est endommagée ({why})",
    }
    sheet_damaged_hint() {
        en: "open the workbook in Excel or LibreOffice and save it again as .xlsx, or export the sheet as CSV",
        fr: "ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le à nouveau en .xlsx, ou exportez la feuille en CSV",
    }
}
