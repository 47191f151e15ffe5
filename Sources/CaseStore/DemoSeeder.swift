import CaseCore
import Foundation

/// Fills a store with the demo cases of `Data/demo-cases.json`, moved in time so the file's anchor date is today.
public enum DemoSeeder {
    struct DemoFile: Decodable {
        var anchor: String
        var cases: [CaseIntake]
    }

    /// Reads the demo file; errors name the case at fault.
    public static func intakes(from data: Data, now: Date) throws -> [CaseIntake] {
        let file: DemoFile
        do {
            file = try JSONDecoder().decode(DemoFile.self, from: data)
        } catch {
            throw ConfigurationError.malformed(file: "demo-cases.json", detail: ConfigurationError.describe(error))
        }
        guard let anchor = DateText.parse(file.anchor) else {
            throw ConfigurationError.invalid(file: "demo-cases.json", detail: "the anchor '\(file.anchor)' is not a date")
        }
        let today = Calendar.utc.startOfDay(for: now)
        let days = Int((today.timeIntervalSince(anchor) / 86_400).rounded())
        return file.cases.map { $0.shifted(byDays: days) }
    }

    /// Adds every demo case to the store, oldest first, so ids follow the order of receipt.
    @discardableResult
    public static func seed(_ store: CaseRepository, demoFile data: Data, now: Date) throws -> Int {
        let intakes = try intakes(from: data, now: now)
            .sorted { ($0.receivedAt ?? "") < ($1.receivedAt ?? "") }
        for intake in intakes { _ = try store.addCase(intake, now: now) }
        return intakes.count
    }
}
