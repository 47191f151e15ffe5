import CaseCore
