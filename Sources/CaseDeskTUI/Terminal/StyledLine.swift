/// A line of a scrolling document (detail, help): segments of text, each with a style.
struct StyledLine: Equatable {
    var segments: [(text: String, style: Style)]

    init(_ segments: [(String, Style)]) { self.segments = segments.map { (text: $0.0, style: $0.1) } }
    init(_ text: String, _ style: Style = .normal) { segments = [(text, style)] }
    static let blank = StyledLine("")

    static func == (a: StyledLine, b: StyledLine) -> Bool {
        a.segments.map(\.text) == b.segments.map(\.text) && a.segments.map(\.style) == b.segments.map(\.style)
    }

    var text: String { segments.map(\.text).joined() }

    func draw(into buffer: inout ScreenBuffer, row: Int, col: Int, columns: Int) {
        var x = col
        for segment in segments {
            let remaining = col + columns - x
            guard remaining > 0 else { break }
            let text = DisplayWidth.width(of: segment.text) > remaining ? DisplayWidth.truncate(segment.text, to: remaining) : segment.text
            x = buffer.put(text, row: row, col: x, style: segment.style, maxWidth: remaining)
        }
    }

    /// A label column and a value wrapped under itself: "  Reporter     Amber Heron — …".
    static func field(_ label: String, _ value: String, labelWidth: Int = 14, width: Int, style: Style = .normal) -> [StyledLine] {
        let indent = 2 + labelWidth
        let parts = DisplayWidth.wrap(value, to: max(10, width - indent - 1))
        return parts.enumerated().map { i, part in
            StyledLine([(String(repeating: " ", count: 2) + DisplayWidth.pad(i == 0 ? label : "", to: labelWidth), .bold),
                        (part, style)])
        }
    }

    /// Wrapped text with an indent on every line.
    static func paragraph(_ text: String, indent: Int = 2, hanging: Int = 0, width: Int, style: Style = .normal) -> [StyledLine] {
        let first = DisplayWidth.wrap(text, to: max(10, width - indent - 1))
        guard hanging > 0, first.count > 1 else {
            return first.map { StyledLine(String(repeating: " ", count: indent) + $0, style) }
        }
        let head = first[0]
        let rest = String(text.dropFirst(head.count)).trimmingCharacters(in: .whitespaces)
        return [StyledLine(String(repeating: " ", count: indent) + head, style)]
            + DisplayWidth.wrap(rest, to: max(10, width - indent - hanging - 1)).map {
                StyledLine(String(repeating: " ", count: indent + hanging) + $0, style)
            }
    }
}
