import Foundation

/// One record of a CSV file and the line it starts on.
public struct CSVRecord: Equatable, Sendable {
    public var fields: [String]
    /// The 1-based line of the file the record starts on (a quoted field may run over several lines).
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }

    /// A record whose fields are all empty or blank (a blank line, or a line of commas).
    public var isBlank: Bool { fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
}

/// A CSV text that does not parse, with where.
public struct CSVSyntaxError: PhrasedError, Equatable, Sendable {
    public var line: Int
    /// The 1-based field number in the record.
    public var field: Int
    public var problem: Phrase

    public init(line: Int, field: Int, problem: Phrase) {
        self.line = line
        self.field = field
        self.problem = problem
    }

    public var phrase: Phrase {
        .key("csv.error", ["line": .text(String(line)), "field": .text(String(field)), "problem": problem])
    }
}

/// A strict RFC 4180 reader that knows where every record starts, so an import can name the line at fault.
///
/// Quoted fields may hold commas, quotes (doubled) and line breaks. Line ends may be CRLF, LF or CR. A leading
/// byte-order mark is skipped. The delimiter is a comma, or a semicolon when the first line has semicolons and no
/// commas (as spreadsheets write in locales where the comma is the decimal mark). Unlike lenient readers, a quoted
/// field that is never closed, or text after a closing quote, is an error rather than silently swallowing the rest
/// of the file.
public enum CSVReader {
    public static func parse(_ text: String) throws -> [CSVRecord] {
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let delimiter = detectDelimiter(scalars)

        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var atFieldStart = true
        var sawAnything = false

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            atFieldStart = true
        }
        func endRecord() {
            endField()
            records.append(CSVRecord(fields: fields, line: recordLine))
            fields = []
            sawAnything = false
        }
        /// Consumes a line end (CRLF, LF or CR) if one is next; true if it did.
        func takeLineEnd(_ first: Unicode.Scalar) -> Bool {
            if first == "\r" {
                if scalars.first == "\n" { scalars.removeFirst() }
                line += 1
                return true
            }
            if first == "\n" {
                line += 1
                return true
            }
            return false
        }

        while let scalar = scalars.popFirst() {
            if atFieldStart && scalar == "\"" {
                // A quoted field: up to the closing quote; "" is a quote.
                sawAnything = true
                atFieldStart = false
                let startLine = line
                var closed = false
                while let inner = scalars.popFirst() {
                    if inner == "\"" {
                        if scalars.first == "\"" {
                            scalars.removeFirst()
                            field.append("\"")
                        } else {
                            closed = true
                            break
                        }
                    } else if inner == "\r" || inner == "\n" {
                        _ = takeLineEnd(inner)
                        field.append("\n")
                    } else {
                        field.append(inner)
                    }
                }
                guard closed else {
                    throw CSVSyntaxError(line: startLine, field: fields.count + 1,
                                         problem: .key("csv.unclosed-quote"))
                }
                // After the closing quote: spaces, then a delimiter, a line end or the end of the file.
                while let next = scalars.first, next == " " || next == "\t" { scalars.removeFirst() }
                guard let next = scalars.first else { break }
                if next == delimiter {
                    scalars.removeFirst()
                    endField()
                } else if next == "\r" || next == "\n" {
                    scalars.removeFirst()
                    _ = takeLineEnd(next)
                    endRecord()
                    recordLine = line
                } else {
                    throw CSVSyntaxError(line: line, field: fields.count + 1,
                                         problem: .key("csv.text-after-quote"))
                }
                continue
            }
            if scalar == delimiter {
                sawAnything = true
                endField()
            } else if scalar == "\r" || scalar == "\n" {
                _ = takeLineEnd(scalar)
                endRecord()
                recordLine = line
            } else {
                sawAnything = true
                atFieldStart = false
                field.append(scalar)
            }
        }
        if sawAnything || !fields.isEmpty || !field.isEmpty {
            endRecord()
        }
        return records
    }

    static func detectDelimiter(_ scalars: ArraySlice<Unicode.Scalar>) -> Unicode.Scalar {
        var commas = 0, semicolons = 0, inQuotes = false
        for scalar in scalars {
            if scalar == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if scalar == "\n" || scalar == "\r" { break }
            if scalar == "," { commas += 1 }
            if scalar == ";" { semicolons += 1 }
        }
        return semicolons > 0 && commas == 0 ? ";" : ","
    }
}
