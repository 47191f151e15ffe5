import CaseCore
import Foundation

/// Fills a store with the demo cases of `Data/demo-cases.json`, moved in time so the newest case arrived yesterday.
public enum DemoSeeder {
    struct DemoFile: Decodable {
        var cases: [CaseIntake]
    }

    /// Reads the demo file, every date moved so that the newest case arrived yesterday: the demo reads as a current
    /// caseload on any day. Errors name the case and the field at fault; unknown keys are refused.
    public static func intakes(from data: Data, now: Date) throws -> [CaseIntake] {
        let file: DemoFile
        do {
            if let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let cases = root["cases"] as? [Any] {
                for (index, element) in cases.enumerated() {
                    do {
                        try StrictJSON.check(element, against: StrictJSON.intake)
                    } catch let error as CaseError {
                        throw ConfigurationError.invalid(file: "demo-cases.json", detail: .key("config.demo-case", ["number": .text(String(index + 1)), "detail": .clause(error.phrase)]))
                    }
                }
            }
            file = try JSONDecoder().decode(DemoFile.self, from: data)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError.malformed(file: "demo-cases.json", detail: ConfigurationError.describe(error))
        }
        guard let newest = file.cases.compactMap({ $0.receivedAt.flatMap(DateText.parse) }).max() else { return file.cases }
        let calendar = Calendar.utc
        let yesterday = calendar.date(byAdding: .day, value: -1, to: calendar.startOfDay(for: now))!
        let days = Int((yesterday.timeIntervalSince(calendar.startOfDay(for: newest)) / 86_400).rounded())
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
