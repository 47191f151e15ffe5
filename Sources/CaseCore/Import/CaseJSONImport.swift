import Foundation

/// Reads an import JSON file into an ``ImportPlan``: an array of ``CaseIntake`` objects, or `{"cases": [...]}`
/// (the shape of `Data/demo-cases.json`). An object may carry an `externalRef` string that identifies it across
/// imports; otherwise its content, with keys sorted, does.
public struct CaseJSONImport {
    public let file: String

    public init(file: String) {
        self.file = file
    }

    public func plan(_ data: Data) throws -> ImportPlan {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw ImportError(file: file, problem: .key("import.problem.not-json", ["reason": .text(Self.reason(error))]))
        }
        let elements: [Any]
        if let array = root as? [Any] {
            elements = array
        } else if let object = root as? [String: Any], let cases = object["cases"] as? [Any] {
            elements = cases
        } else {
            throw ImportError(file: file, problem: .key("import.problem.not-cases"))
        }
        return ImportPlan(file: file, source: .json, items: try elements.enumerated().map { index, element in
            let location = ImportPlan.case(index + 1)
            guard let object = element as? [String: Any] else {
                throw ImportError(file: file, location: location, problem: .key("import.problem.not-object"))
            }
            // A misspelled optional field is refused, never dropped.
            do {
                try StrictJSON.check(object, against: StrictJSON.intake)
            } catch let error as CaseError {
                throw ImportError(file: file, location: location, problem: .clause(error.phrase))
            }
            let canonical = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            let intake: CaseIntake
            do {
                intake = try JSONDecoder().decode(CaseIntake.self, from: canonical)
            } catch let error as CaseError {
                // Factor ratings out of range are refused while decoding.
                throw ImportError(file: file, location: location, problem: .clause(error.phrase))
            } catch {
                throw ImportError(file: file, location: location, problem: ConfigurationError.describe(error))
            }
            let fingerprint: String
            if let ref = (object["externalRef"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !ref.isEmpty {
                fingerprint = "ref:" + ref
            } else {
                fingerprint = "json:" + String(decoding: canonical, as: UTF8.self)
            }
            return ImportPlan.Item(fingerprint: fingerprint, intake: intake, location: location)
        })
    }

    static func reason(_ error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        return SafeText.line(text)
    }
}
