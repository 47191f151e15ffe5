import CaseCore

/// How a cell is drawn: a colour role plus attributes. The terminal adapter maps roles to colour pairs
/// when the terminal has colours and keeps only the attributes otherwise, so meaning never rests on colour alone.
public struct Style: Hashable, Sendable {
    /// What a colour means, not which colour it is.
    public enum Role: Hashable, Sendable, CaseIterable {
        case plain, critical, high, medium, low, overdue, error, accent, success
    }

    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(role: Role = .plain, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let normal = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    /// Title and status bars.
    public static let bar = Style(role: .accent, reverse: true)
    /// Section headings and column headers.
    public static let heading = Style(bold: true, underline: true)
    /// Overdue queue rows and deadlines: red and bold (bold alone in monochrome).
    public static let overdue = Style(role: .overdue, bold: true)
    /// Validation and action errors.
    public static let error = Style(role: .error, bold: true)
    /// Confirmations.
    public static let success = Style(role: .success, bold: true)
    /// The text under the cursor in a field, and the selected row.
    public static let selected = Style(reverse: true)
    /// An editable field.
    public static let field = Style(underline: true)

    /// The colour of a band (critical is bold too, so it stands out in monochrome).
    public static func band(_ band: Band?) -> Style {
        switch band {
        case .critical?: Style(role: .critical, bold: true)
        case .high?: Style(role: .high, bold: true)
        case .medium?: Style(role: .medium)
        case .low?: Style(role: .low)
        case nil: .normal
        }
    }

    /// The same style, reversed (for the selected row).
    public var reversed: Style {
        var copy = self
        copy.reverse.toggle()
        return copy
    }

    /// The same style in bold.
    public var emboldened: Style {
        var copy = self
        copy.bold = true
        return copy
    }
}
