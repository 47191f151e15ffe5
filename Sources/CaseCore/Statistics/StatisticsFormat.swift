import Foundation

/// The formats the statistics report can be written in.
public enum StatisticsFormat: String, CaseIterable, Codable, Sendable {
    case markdown, csv, json, html

    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .csv: "csv"
        case .json: "json"
        case .html: "html"
        }
    }

    /// The report in this format; Markdown, HTML and CSV labels in the catalogue's language.
    public func render(_ report: StatisticsReport, catalogue: Catalogue = .english) -> String {
        switch self {
        case .markdown: MarkdownRenderer.render(StatisticsOutline.make(report, catalogue: catalogue))
        case .csv: StatisticsCSV.render(report, catalogue: catalogue)
        case .json: report.json() + "\n"
        case .html: HTMLRenderer.render(StatisticsOutline.make(report, catalogue: catalogue))
        }
    }
}
