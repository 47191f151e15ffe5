import Foundation
import TestKit
import Testing

/// The one way tests start programs (TestKit's `RunningProgram`) must hold when tests run side by side.
@Suite("Starting programs side by side")
struct ProgramLauncherTests {
    @Test("A program started while another runs does not hold the other's input open: each sees the end of its input",
          .timeLimit(.minutes(1)))
    func pipesAreNotInherited() throws {
        let first = try RunningProgram.start("/bin/cat", [], environment: [:])
        // Started second, it would inherit the first one's input pipe if that pipe were not close-on-exec; the first
        // `cat` would then never see the end of its input while this one runs.
        let second = try RunningProgram.start("/bin/cat", [], environment: [:])
        let run = try first.finish(input: Data("first\n".utf8), killAfter: 20)
        #expect(run.signalled == false)
        #expect(run.stdout == "first\n")
        #expect(try second.finish(input: Data("second\n".utf8)).stdout == "second\n")
    }
}
