import ConfidantCommands
import Foundation

// The shipped executable: the real clock, always. Nothing in the environment sets the time.
Confidant.main(clock: { Date() })
