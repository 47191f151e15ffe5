import Foundation
import TestKit
import Testing

/// The command line in the counselor's language (`--lang`, policy.json, `LANG`), and letters in the reporter's.
@Suite("The command line's language", .serialized)
struct LanguageCLITests {
    func prepared(language: String? = nil) throws -> ConfidantSandbox {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init"]).status == 0)
        var intake = TestFixtures.sampleCaseJSON
        if let language { intake = intake.replacingOccurrences(of: "\"relationship\":\"staff\"", with: "\"relationship\":\"staff\",\"language\":\"\(language)\"") }
        #expect(try cli.run(["add", "--json", try cli.write("case.json", intake)]).status == 0)
        return cli
    }

    @Test("show --lang fr: labels, statuses, dates in words and deadlines in French; LANG=fr_FR.UTF-8 does the same")
    func showInFrench() throws {
        let cli = try prepared()
        let shown = try cli.run(["show", "C-2026-0001", "--lang", "fr"], environment: ["CONFIDANT_NOW": "2026-11-25T10:00:00Z"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let lines = shown.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(8)) == [
            "C-2026-0001  NON ÉVALUÉ  Nouveau",
            "Reçu         20 novembre 2026 à 09:00 UTC par Plainte",
            "Faits        1er novembre 2026 – 18 novembre 2026",
            "Signalant    Amber Heron — Fatima Zahra Benali <fz.benali@example.org>, Personnel",
            "Mis en cause 1. Viktor Hale, Country Director (supérieur·e direct·e / maîtrise le contrat)",
            "Catégories   Harcèlement, Abus d'autorité",
            "Souhaits     non renseignés",
            "Consentement identité communicable à la supervision : non",
        ])
        #expect(lines.contains("  Premier contact        27 novembre 2026 à 09:00 UTC  à venir"))
        let fromEnvironment = try cli.run(["show", "C-2026-0001"], environment: ["LANG": "fr_FR.UTF-8", "CONFIDANT_NOW": "2026-11-25T10:00:00Z"])
        #expect(fromEnvironment.stdout == shown.stdout)
        // --lang wins over the environment; a locale Confidant lacks is English.
        let english = try cli.run(["show", "C-2026-0001", "--lang", "en"], environment: ["LANG": "fr_FR.UTF-8"])
        #expect(english.stdout.hasPrefix("C-2026-0001  UNRATED  New\nReceived   20 November 2026 09:00 UTC via Complaint\n"))
        let german = try cli.run(["show", "C-2026-0001"], environment: ["LANG": "de_DE.UTF-8"])
        #expect(german.stdout.hasPrefix("C-2026-0001  UNRATED  New\n"))
    }

    @Test("What Confidant wrote in the journal reads in the reader's language, whichever language it was written in")
    func journalInReadersLanguage() throws {
        let cli = try prepared()
        #expect(try cli.run(["status", "C-2026-0001", "acknowledged", "--lang", "en"]).status == 0)
        let french = try cli.run(["show", "C-2026-0001", "--lang", "fr"])
        #expect(french.stdout.contains(": Statut nouveau → réception confirmée"), "\(french.stdout)")
        let english = try cli.run(["show", "C-2026-0001", "--lang", "en"])
        #expect(english.stdout.contains("Status new → acknowledged"), "\(english.stdout)")
        let listed = try cli.run(["list", "--lang", "fr"], environment: ["CONFIDANT_NOW": "2026-11-25T10:00:00Z"])
        let rows = listed.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows == ["ID NIVEAU SCORE STATUT PROCHAINE ÉCHÉANCE CATÉGORIES",
                         "C-2026-0001 non évalué – réception confirmée 2026-11-27 contact harassment,abuse-of-authority"])
        let refused = try cli.run(["status", "C-2026-0001", "closed", "--lang", "fr"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "confidant: Un dossier ne peut pas passer de réception confirmée à clos ; depuis réception confirmée, "
            + "il peut aller vers : en évaluation, écarté, retiré.\n")
    }

    @Test("Errors are told in the chosen language, even before the database is opened")
    func errorsInFrench() throws {
        let cli = try prepared()
        let missing = try cli.run(["show", "C-2026-0099", "--lang", "fr"])
        #expect(missing.status == 1 && missing.stderr == "confidant: Il n'y a pas de dossier C-2026-0099 dans cette base.\n")
        let malformed = try cli.run(["show", "nonsense"], environment: ["LC_ALL": "fr_FR.UTF-8"])
        #expect(malformed.stderr == "confidant: Champ numéro de dossier : « nonsense » n'est pas un numéro de dossier comme C-2026-0042.\n")
        let permission = try cli.run(["export", "C-2026-0001", "--format", "pdf", "--lang", "fr"])
        #expect(permission.stderr == "confidant: Champ option --format : « pdf » n'est pas l'une des valeurs markdown, json, html.\n")
    }

    @Test("The file forms' refusals (--to-file, --duty-file, --defer-file) are told in French")
    func fileFormsRefusedInFrench() throws {
        let cli = try prepared()
        let twoReaders = try cli.run(["disclose", "C-2026-0001", "--to-file", "-", "--duty-file", "-", "--lang", "fr"])
        #expect(twoReaders.status == 1 && twoReaders.stderr
            == "confidant: Champ entrée standard : ne peut être lu que par une seule option, pas par --to-file et --duty-file.\n")
        let twice = try cli.run(["escalate", "C-2026-0001", "--reason", "x", "--duty", "a", "--duty-file", "-", "--lang", "fr"])
        #expect(twice.stderr == "confidant: Champ texte : a été donné deux fois ; utilisez soit --duty, soit --duty-file.\n")
        let noRecipient = try cli.run(["disclose", "C-2026-0001", "--duty", "danger de mort", "--lang", "fr"])
        #expect(noRecipient.stderr == """
            confidant: Champ destinataire de la divulgation : manque (donnez-le avec --to, ou --to-file FICHIER, ou - pour \
            l'entrée standard).

            """)
    }

    @Test("An unknown language, or one that has letters only, is refused naming the desk's languages")
    func unknownLanguage() throws {
        let cli = try prepared()
        let german = try cli.run(["show", "C-2026-0001", "--lang", "de"])
        #expect(german.status == 1)
        #expect(german.stderr == "confidant: There is no language 'de' (--lang); Confidant speaks en (English) and fr (Français).\n")
        let arabic = try cli.run(["list", "--lang", "ar"])
        #expect(arabic.status == 1)
        #expect(arabic.stderr == "confidant: العربية (ar, --lang) is a language of letters only; the desk, the command line and exports "
            + "speak en (English) and fr (Français).\n")
    }

    @Test("export --lang fr: Markdown headings and labels in French; JSON keeps its keys and ISO dates")
    func exportInFrench() throws {
        let cli = try prepared()
        let markdown = try cli.run(["export", "C-2026-0001", "--lang", "fr"], environment: ["CONFIDANT_NOW": "2026-11-25T10:00:00Z"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("# Dossier C-2026-0001 — résumé pour la personne de confiance\n"))
        #expect(markdown.stdout.contains("**Reçu :** 20 novembre 2026 à 09:00 UTC · Plainte\\\n"))
        #expect(markdown.stdout.contains("\n## Échéances\n"))
        #expect(markdown.stdout.contains("> Exporté le 25 novembre 2026 à 10:00 UTC."))
        let json = try cli.run(["export", "C-2026-0001", "--format", "json", "--lang", "fr"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["receivedAt"] as? String == "2026-11-20T09:00:00Z" && object["status"] as? String == "new")
        let deadline = try #require((object["deadlines"] as? [[String: Any]])?.first)
        #expect(deadline["kind"] as? String == "acknowledge" && deadline["label"] as? String == "Accuser réception")
        let file = cli.directory.appendingPathComponent("case.html").path
        let html = try cli.run(["export", "C-2026-0001", "--format", "html", "--lang", "fr", "--out", file])
        #expect(html.stderr == "confidant: résumé html pour personne de confiance de C-2026-0001 écrit dans \(file)\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("<html lang=\"fr\">"))
        let report = try cli.run(["report", "--format", "csv", "--lang", "fr"])
        #expect(report.stdout.hasPrefix("section,key,label,value\r\n"))
        #expect(report.stdout.contains("\r\noverview,total,Dossiers reçus,<5\r\n"))
    }

    @Test("A case's letter language: given at intake, changed by an edit, refused when no letter is written in it")
    func letterLanguage() throws {
        let cli = try prepared(language: "ar")
        let html = try cli.run(["letter", "C-2026-0001", "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.stdout.contains("<title>إشعار باستلام البلاغ C-2026-0001</title>"))
        #expect(html.stdout.contains("<strong>20 نوفمبر 2026</strong>"))
        #expect(try cli.run(["edit", "C-2026-0001", "--json", "-"], stdin: "{\"language\": \"es\"}").status == 0)
        let spanish = try cli.run(["letter", "C-2026-0001"])
        #expect(spanish.stdout.hasPrefix("# Acuse de recibo de su denuncia\n"))
        #expect(spanish.stdout.contains("recibió su\ndenuncia el **20 de noviembre de 2026**"))
        // --lang picks another language for this letter.
        let french = try cli.run(["letter", "C-2026-0001", "--lang", "fr"])
        #expect(french.stdout.hasPrefix("# Accusé de réception de votre signalement\n"))
        // A letter in a language of letters only: the command itself speaks the desk's language.
        let sent = try cli.run(["letter", "C-2026-0001", "--lang", "es", "--mark-sent"])
        #expect(sent.stdout.hasPrefix("# Acuse de recibo de su denuncia\n"))
        #expect(sent.stderr == "Recorded as sent: the acknowledgement deadline of C-2026-0001 is met.\n")
        let refused = try cli.run(["edit", "C-2026-0001", "--json", "-"], stdin: "{\"language\": \"de\"}")
        #expect(refused.status == 1)
        #expect(refused.stderr == "confidant: The language 'de' is not a language letters are written in; use one of en, fr, ar, es.\n")
    }

    @Test("The organisation's language in policy.json is the desk's unless --lang says otherwise")
    func configuredLanguage() throws {
        let cli = try prepared()
        let data = cli.directory.appendingPathComponent("Data")
        try FileManager.default.copyItem(at: TestFixtures.packageRoot.appendingPathComponent("Data"), to: data)
        let policy = data.appendingPathComponent("policy.json")
        var text = try String(contentsOf: policy, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"organisationName\"", with: "\"language\": \"fr\",\n  \"organisationName\"")
        try text.write(to: policy, atomically: true, encoding: .utf8)
        let french = try cli.run(["show", "C-2026-0099"], environment: ["CONFIDANT_DATA": data.path, "LANG": "en_GB.UTF-8"])
        #expect(french.stderr == "confidant: Il n'y a pas de dossier C-2026-0099 dans cette base.\n")
        let english = try cli.run(["show", "C-2026-0099", "--lang", "en"], environment: ["CONFIDANT_DATA": data.path])
        #expect(english.stderr == "confidant: There is no case C-2026-0099 in this database.\n")
    }

    @Test("demo --lang fr: the same cases, scores and dates as the English demo, ranked the same, told in French")
    func frenchDemo() throws {
        let english = ConfidantSandbox(passphrase: "demo", now: nil), french = ConfidantSandbox(passphrase: "demo", now: nil)
        defer { english.cleanUp(); french.cleanUp() }
        #expect(try english.run(["demo", "--seed-only", "--db", english.database]).status == 0)
        let seeded = try french.run(["demo", "--seed-only", "--db", french.database, "--lang", "fr"])
        #expect(seeded.stdout == "Base de démonstration prête à \(french.database) (phrase secrète : demo).\n", "\(seeded.stderr)")
        let queue = try english.run(["list", "--json"])
        #expect(queue.status == 0 && queue.stdout.components(separatedBy: "\"id\" : ").count == 49)
        #expect(try french.run(["list", "--json"]).stdout == queue.stdout)
        let shown = try french.run(["show", "C-2026-0005", "--lang", "fr"]).stdout
        #expect(shown.contains("\nRécit\nRafael a signalé qu'une collègue répandait la rumeur de son licenciement imminent."))
        #expect(shown.contains("Retour à la personne  counselor: Informé la personne signalante que la plainte n'a pas pu être établie.\n"))
        #expect(try english.run(["show", "C-2026-0005", "--lang", "fr"]).stdout.contains("\nRécit\nRafael reported that a colleague"))
    }

    @Test("audit list --lang fr tells the details in French; what is stored and hashed stays English and intact")
    func frenchAuditDetails() throws {
        let cli = try prepared()
        defer { cli.cleanUp() }
        #expect(try cli.run(["status", "C-2026-0001", "acknowledged"]).status == 0)
        let stored = try cli.sqliteRows("SELECT detail FROM audit ORDER BY id")
        let french = try cli.run(["audit", "list", "--lang", "fr"])
        #expect(french.status == 0, "\(french.stderr)")
        let details = french.stdout.split(separator: "\n").map { String($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(6).joined(separator: " ")) }
        #expect(Array(details.prefix(4)) == ["base créée avec un compte (rôle : personne de confiance) (lignes scellées, clés par dossier ; politique de l'équipe version 1)",
                                             "ouverture (rôle : personne de confiance)", "dossier créé (plainte, statut nouveau)",
                                             "ouverture (rôle : personne de confiance)"])
        #expect(details.contains("statut réception confirmée ; 1 entrée de journal ajoutée"))
        #expect(try cli.run(["audit", "list"]).stdout.contains("  status  C-2026-0001  status acknowledged; 1 journal entry added\n"))
        #expect(try cli.sqliteRows("SELECT detail FROM audit ORDER BY id").prefix(stored.count) == stored[...])
        #expect(stored.contains("status acknowledged; 1 journal entry added"))
        #expect(try cli.run(["audit", "verify", "--lang", "fr"]).status == 0)
    }
}
