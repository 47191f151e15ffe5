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

    public func render(_ report: StatisticsReport) -> String {
        switch self {
        case .markdown: MarkdownRenderer.render(StatisticsOutline.make(report))
        case .csv: StatisticsCSV.render(report)
        case .json: report.json() + "\n"
        case .html: HTMLRenderer.render(StatisticsOutline.make(report))
        }
    }
}
