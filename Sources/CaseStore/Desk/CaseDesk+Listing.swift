import CaseCore
import Foundation

/// What the command line lists: part of the queue, in queue order.
extension CaseDesk {
    /// The cases a selection keeps (the desk's filters, a limit), in queue order.
    public func queue(_ selection: QueueSelection) throws -> [CaseSummary] {
        try store.summaries(selection, now: clock())
    }
}
