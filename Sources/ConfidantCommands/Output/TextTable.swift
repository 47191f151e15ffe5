import CaseDeskTUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain-text table for the command line: each column as wide as its widest cell, measured in terminal columns with
/// the desk's own width code (wide characters align as they do on the desk), two spaces apart. Given a width (the
/// terminal's), the last column is cut with an ellipsis so that no line is longer.
///
/// Cells are measured and padded here, not by Foundation's `padding(toLength:)`: a table of 100,000 rows costs a few
/// milliseconds. Control characters in a cell are drawn as spaces.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment = .left
    }

    private let columns: [Column]
    private let showsTitles: Bool
    /// Every row's cells, one after the other.
    private var cells: [Cell] = []
    private var widths: [Int]

    private struct Cell {
        var text: String
        var width: Int

        init(_ raw: String) {
            if TextTable.isPlainASCII(raw) {
                text = raw
                width = raw.utf8.count
            } else {
                text = DisplayWidth.printable(raw)
                width = DisplayWidth.width(of: text)
            }
        }
    }

    /// A table with these columns; titles are printed as a first row unless `showsTitles` is false.
    init(_ columns: [Column], showsTitles: Bool = true) {
        self.columns = columns
        self.showsTitles = showsTitles
        widths = showsTitles ? columns.map { Cell($0.title).width } : Array(repeating: 0, count: columns.count)
    }

    /// Adds a row (one cell per column).
    mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "a row has one cell per column")
        for (index, text) in row.enumerated() {
            let cell = Cell(text)
            if cell.width > widths[index] { widths[index] = cell.width }
            cells.append(cell)
        }
    }

    /// The table's lines, each ending in a newline, every one starting with `indent`; at most `width` columns wide
    /// when a width is given.
    func render(indent: String = "", width: Int? = nil) -> String {
        var text: [UInt8] = []
        let rows = cells.count / max(1, columns.count)
        text.reserveCapacity((rows + 1) * (widths.reduce(indent.utf8.count + 1, +) + 2 * columns.count))
        if showsTitles { line(columns.map { Cell($0.title) }[...], indent: Cell(indent), width: width, into: &text) }
        for start in stride(from: 0, to: cells.count, by: columns.count) {
            line(cells[start..<(start + columns.count)], indent: Cell(indent), width: width, into: &text)
        }
        return String(decoding: text, as: UTF8.self)
    }

    private func line(_ row: ArraySlice<Cell>, indent: Cell, width: Int?, into text: inout [UInt8]) {
        let start = text.count
        text.append(contentsOf: indent.text.utf8)
        var used = indent.width
        for (index, cell) in zip(0..., row) {
            let last = index == columns.count - 1
            let right = columns[index].alignment == .right
            let pad = widths[index] - cell.width
            if index > 0 {
                text.append(contentsOf: [0x20, 0x20])
                used += 2
            }
            if right, pad > 0 {
                text.append(contentsOf: repeatElement(0x20, count: pad))
                used += pad
            }
            if last, let width, used + cell.width > width {
                text.append(contentsOf: DisplayWidth.truncate(cell.text, to: max(1, width - used)).utf8)
                used += max(1, width - used)
                break
            }
            text.append(contentsOf: cell.text.utf8)
            used += cell.width
            if !right, !last, pad > 0 {
                text.append(contentsOf: repeatElement(0x20, count: pad))
                used += pad
            }
        }
        if let width, used > width {
            let cut = DisplayWidth.truncate(String(decoding: text[start...], as: UTF8.self), to: width)
            text.replaceSubrange(start..., with: cut.utf8)
        }
        // No trailing blanks (an empty last cell would leave the padding of the one before).
        while text.count > start, text.last == 0x20 { text.removeLast() }
        text.append(0x0A)
    }

    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }
}

/// The terminal standard output is shown on, if it is one.
enum OutputTerminal {
    /// Its width in columns, or nil when standard output is not a terminal (a file, a pipe: nothing is cut).
    static var width: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}
