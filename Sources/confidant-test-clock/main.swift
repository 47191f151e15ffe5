import CaseCore
import ConfidantCommands
import Foundation

// A test-only executable: the command line of `confidant` with its clock fixed by $CONFIDANT_NOW, so tests can walk
// a case through months. It is not a product and `make install` does not install it.
let environment = ProcessInfo.processInfo.environment
if let text = environment["CONFIDANT_NOW"], !text.isEmpty {
    guard let fixed = DateText.parse(text) else {
        FileHandle.standardError.write(Data("confidant: CONFIDANT_NOW '\(text)' is not a date like 2026-10-02T09:00:00Z.\n".utf8))
        exit(64)
    }
    Confidant.main(clock: { fixed })
} else {
    Confidant.main(clock: { Date() })
}
