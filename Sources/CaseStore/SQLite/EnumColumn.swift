/// A column holding an enumeration's raw value, read as the case's position: SQLite compares the texts (in C) and a row
/// decodes a number (``SQLiteColumns/value(_:_:)``), where a listing of 100,000 rows would otherwise make and compare a
/// string per row and column.
enum EnumColumn {
    /// `CASE column WHEN 'first' THEN 0 WHEN 'second' THEN 1 … END`: NULL for NULL or any other text.
    static func position<T: CaseIterable & RawRepresentable>(of column: String, _: T.Type) -> String where T.RawValue == String {
        "CASE \(column) " + T.allCases.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0)" }.joined(separator: " ") + " END"
    }
}
