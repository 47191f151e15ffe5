import CaseCore
import CaseStore
@testable import CaseDeskTUI
import Foundation
import TestKit
import Testing

/// The desk in French (`--lang fr`, or `LANG=fr_FR.UTF-8`): the same screens as the English pictures, at 80×24 and
/// at a wide size, every word from `Data/lang/fr.json`. French runs about a fifth longer than English: where a column
/// is narrow the catalogue has a short form (`band-short`, `category-short`, `deadline-short`), so no word is cut.
@Suite("The desk in French")
struct FrenchScreenTests {
    static func app() throws -> DeskApp {
        Fixture.app(try Fixture.frenchDemoDesk(), banner: "Base de DÉMO (dossiers fictifs) — phrase secrète : demo")
    }

    @Test func queueAt80x24() throws {
        let app = try Self.app()
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — file de triage · ouverts · 38 sur 46
             Base de DÉMO (dossiers fictifs) — phrase secrète : demo
             N°          NIVEAU    SCORE  CATÉGORIES       STATUT    PROCHAINE ÉCHÉANCE
            >C-2026-0023 !!! Critique  99 Abus aut. +1     transmis  2026-09-23 soutien    !
             C-2026-0012 !!! Critique  95 Harc.sex. +1     formel    2026-07-29 soutien    !
             C-2026-0016 !!! Critique  81 EAS              formel    2026-09-03 lettre     !
             C-2026-0026 !!! Critique  81 EAS              transmis  2026-10-16 lettre     !
             C-2026-0010 !!! Critique  79 Représ. +1       transmis  2026-07-16 soutien    !
             C-2026-0006 !!! Critique  77 Agression        formel    2026-06-11 soutien    !
             C-2026-0004 !!! Critique  75 Représ. +1       formel    2026-05-21 soutien    !
             C-2026-0025 !!! Critique  75 EAS              en éval.  2026-10-12 lettre     !
             C-2026-0018 !!! Critique  69 Agression +1     soutien   2026-09-13 lettre     !
             C-2026-0020 !!! Critique  66 Harcèl. +1       soutien   2026-09-19 lettre     !
             C-2026-0032 !!  Élevé     74 Harc.sex. +1     en éval.  2026-11-04 lettre     !
             C-2026-0021 !!  Élevé     72 Harc.sex. +1     soutien   2026-09-15 soutien    !
             C-2026-0011 !!  Élevé     69 Harc.sex. +1     soutien   2026-08-05 lettre     !
             C-2026-0029 !!  Élevé     68 Harc.sex. +1     soutien   2026-10-15 soutien    !
             C-2026-0030 !!  Élevé     68 Représailles     en éval.  2026-10-18 soutien    !
             C-2026-0040 !!  Élevé     68 Agression        confirmé  2026-11-13 soutien    !
             C-2026-0019 !!  Élevé     59 Harc.sex.        transmis  2026-09-05 soutien    !
             C-2026-0027 !!  Élevé     50 Discrim. +1      soutien   2026-10-08 soutien    !
             C-2026-0039 ?   Non noté   – Dénigr. +1       nouveau   2026-11-15 contact    !

             Dossiers : 33 en retard · 3 dus ≤48h │ Entrée ouvrir  / chercher  n nouveau
            """, "fr-queue-80x24")
    }

    @Test func queueAt200x60() throws {
        let app = try Self.app()
        expectScreen(app.render(width: 200, height: 60), """
             Confidant — file de triage · ouverts · 38 sur 46
             Base de DÉMO (dossiers fictifs) — phrase secrète : demo
             N°          NIVEAU    SCORE  SIGNALANT          CATÉGORIES                                                                                                            STATUT    PROCHAINE ÉCHÉANCE
            >C-2026-0023 !!! Critique  99 Basalt Falcon      Abus d'autorité, Harcèlement moral                                                                                    transmis  2026-09-23 soutien    !
             C-2026-0012 !!! Critique  95 Garnet Egret       Harcèlement sexuel, Abus d'autorité                                                                                   formel    2026-07-29 soutien    !
             C-2026-0016 !!! Critique  81 Mist Bittern       Exploitation et abus sexuels                                                                                          formel    2026-09-03 lettre     !
             C-2026-0026 !!! Critique  81 Cinder Robin       Exploitation et abus sexuels                                                                                          transmis  2026-10-16 lettre     !
             C-2026-0010 !!! Critique  79 Storm Gannet       Représailles, Agression et violence                                                                                   transmis  2026-07-16 soutien    !
             C-2026-0006 !!! Critique  77 Walnut Curlew      Agression et violence                                                                                                 formel    2026-06-11 soutien    !
             C-2026-0004 !!! Critique  75 Thistle Auk        Représailles, Harcèlement moral                                                                                       formel    2026-05-21 soutien    !
             C-2026-0025 !!! Critique  75 Lichen Stork       Exploitation et abus sexuels                                                                                          en éval.  2026-10-12 lettre     !
             C-2026-0018 !!! Critique  69 Ash Lapwing        Agression et violence, Harcèlement                                                                                    soutien   2026-09-13 lettre     !
             C-2026-0020 !!! Critique  66 Ember Shrike       Harcèlement, Agression et violence                                                                                    soutien   2026-09-19 lettre     !
             C-2026-0032 !!  Élevé     74 Indigo Swift       Harcèlement sexuel, Harcèlement                                                                                       en éval.  2026-11-04 lettre     !
             C-2026-0021 !!  Élevé     72 Ochre Sandpiper    Harcèlement sexuel, Harcèlement                                                                                       soutien   2026-09-15 soutien    !
             C-2026-0011 !!  Élevé     69 Scarlet Avocet     Harcèlement sexuel, Dénigrement                                                                                       soutien   2026-08-05 lettre     !
             C-2026-0029 !!  Élevé     68 Clay Whimbrel      Harcèlement sexuel, Abus d'autorité                                                                                   soutien   2026-10-15 soutien    !
             C-2026-0030 !!  Élevé     68 Dusky Petrel       Représailles                                                                                                          en éval.  2026-10-18 soutien    !
             C-2026-0040 !!  Élevé     68 Rust Plover        Agression et violence                                                                                                 confirmé  2026-11-13 soutien    !
             C-2026-0019 !!  Élevé     59 Coral Shearwater   Harcèlement sexuel                                                                                                    transmis  2026-09-05 soutien    !
             C-2026-0027 !!  Élevé     50 Sable Godwit       Discrimination, Harcèlement                                                                                           soutien   2026-10-08 soutien    !
             C-2026-0039 ?   Non noté   – Silver Marten      Dénigrement, Discrimination                                                                                           nouveau   2026-11-15 contact    !
             C-2026-0037 ?   Non noté   – Violet Crane       Harcèlement sexuel                                                                                                    confirmé  2026-11-18 lettre     !
             C-2026-0038 ?   Non noté   – Hollow Finch       Dénigrement, Discrimination                                                                                           confirmé  2026-11-20 lettre     !
             C-2026-0042 ?   Non noté   – Cedar Wren         Discrimination, Harcèlement                                                                                           nouveau   2026-11-26 contact
             C-2026-0041 ?   Non noté   – Pale Osprey        Harcèlement moral                                                                                                     confirmé  2026-11-26 lettre
             C-2026-0043 ?   Non noté   – Copper Ibis        Abus d'autorité                                                                                                       nouveau   2026-11-27 contact
             C-2026-0044 ?   Non noté   – Quiet Lantern      Harcèlement moral, Abus d'autorité                                                                                    nouveau   2026-11-29 contact
             C-2026-0045 ?   Non noté   – Amber Heron        Harcèlement, Harcèlement sexuel                                                                                       nouveau   2026-12-01 contact
             C-2026-0033 !   Moyen     49 Tawny Gull         Harcèlement moral                                                                                                     en éval.  2026-11-10 lettre     !
             C-2026-0014 !   Moyen     48 Flint Dunlin       Discrimination, Harcèlement                                                                                           transmis  2026-08-22 lettre     !
             C-2026-0036 !   Moyen     44 Grey Kestrel       Harcèlement                                                                                                           nouveau   2026-11-10 contact    !
             C-2026-0028 !   Moyen     42 Moss Harrier       Discrimination                                                                                                        en éval.  2026-10-23 lettre     !
             C-2026-0034 !   Moyen     42 Birch Sparrow      Discrimination                                                                                                        confirmé  2026-11-13 lettre     !
             C-2026-0022 !   Moyen     34 Heather Redpoll    Discrimination                                                                                                        informel  2026-10-02 lettre     !
             C-2026-0007 !   Moyen     31 Fawn Dipper        Harcèlement                                                                                                           soutien   2026-07-02 lettre     !
             C-2026-0013 !   Moyen     25 Olive Bunting      Harcèlement                                                                                                           informel  2026-08-17 lettre     !
             C-2026-0035 .   Faible    24 Cobalt Linnet      Harcèlement, Discrimination                                                                                           en éval.  2026-11-15 lettre     !
             C-2026-0015 .   Faible    22 Juniper Tern       Harcèlement moral                                                                                                     soutien   2026-08-28 lettre     !
             C-2026-0008 .   Faible    19 Linen Oriole       Dénigrement                                                                                                           informel  2026-07-09 lettre     !
             C-2026-0009 .   Faible    17 Teal Pipit         Harcèlement moral                                                                                                     informel  2026-07-24 lettre     !


















             Dossiers : 33 en retard · 3 dus ≤48h │ Entrée ouvrir  / chercher  n nouveau  q quitter  ? aide
            """, "fr-queue-200x60")
    }

    @Test func detailAt80x24() throws {
        let app = try Self.app()
        ColonCommand.run("open C-2026-0045", app: app)
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0045 · ? Non évalué · Nouveau · Amber Heron                     1–21/44
            Résumé
              Dossier       C-2026-0045   ? Non évalué   Nouveau
              Canal         Plainte
              Reçu          24 novembre 2026 à 07:45
              Faits         15 octobre 2026 – 21 novembre 2026  dans le délai de six mois
              Signalant     Amber Heron — Nguyễn Thị Lan <lan.nguyen@example.org, +44 7700
                            900117>
              Relation      Personnel
              Mis en cause  Oleg Petrenko, Logistics Coordinator (pair)
              Catégories    Harcèlement, Harcèlement sexuel
              Conduites     Contacts poursuivis après demande d'arrêt, Violence en ligne,
                            Remarques sexuelles
              Consentement  identité communicable à la supervision : non
              Souhaits      non renseignés

            Évaluation
              Caractère répété : personne mise en cause nommée dans 1 autre dossier ouvert
                  +10 pts (10 par dossier, plafond 20)
              Pas encore évalué

            Échéances

             Dossiers : 33 en retard · 3 dus ≤48h │ a évaluer  e transmettre  s statut
            """, "fr-detail-80x24")
    }

    @Test func detailAt200x60() throws {
        let app = try Self.app()
        ColonCommand.run("C-2026-0030", app: app)
        expectScreen(app.render(width: 200, height: 60), """
             C-2026-0030 · !! Élevé 68 · En évaluation · Dusky Petrel
            Résumé
              Dossier       C-2026-0030   !! Élevé 68/100   En évaluation
              Canal         Lancement d'alerte (anonyme)
              Reçu          15 octobre 2026 à 21:30
              Faits         20 juillet 2026 – 10 octobre 2026  dans le délai de six mois
              Signalant     Dusky Petrel (anonyme)
              Relation      Personnel
              Mis en cause  Viktor Hale, Country Director (maîtrise les moyens d'existence, l'aide, le séjour ou le statut légal)
              Catégories    Représailles
              Conduites     Intimidation, Exclusion / mise à l'écart
              Consentement  identité communicable à la supervision : non
              Souhaits      non renseignés

            Évaluation
              Notes         Fréquence 1 · Gravité 2 · Menace / humiliation 1 · Atteinte au bien-être 2 · Écart de pouvoir 4
              Fréquence : 1 (2 ou 3 faits) × 1,00 = 4,0 pts
              Gravité : 2 (grave (remarques sexuelles, exclusion, rétention d'informations)) × 1,50 = 12,0 pts
              Menace / humiliation : 1 (humiliation en privé) × 1,50 = 6,0 pts
              Atteinte au bien-être : 2 (atteint sommeil, travail ou santé) × 1,25 = 10,0 pts
              Écart de pouvoir : 4 (maîtrise les moyens d'existence, l'aide, le séjour ou le statut légal) × 1,00 = 16,0 pts
              Caractère répété : personne mise en cause nommée dans 4 autres dossiers ouverts +20 pts (10 par dossier, plafond 20)
              Seuil imposé : représailles après une plainte → au moins Élevé
              Score 68/100 → Élevé · répété · transmission suggérée

            Échéances
              Accuser réception     2026-10-29 21:30  respectée le 2026-10-16 08:00
              Confirmation écrite   2026-10-29 21:30  DÉPASSÉE
              Premier contact       2026-10-18 21:30  respectée le 2026-10-16 08:00
              Soutien proposé       2026-10-18 21:30  DÉPASSÉE
              Retour à la personne  2027-01-15 21:30  à venir
              Suivi                 2026-11-15 08:00  DÉPASSÉE

            Droits de la défense (par personne mise en cause)
              1. Viktor Hale, Country Director
                 informée : pas encore · version entendue : pas encore · mesures provisoires : aucune · issue communiquée : pas encore

            Récit
              Anonymous report from a colleague of a staff member who complained about the Country Director in July. The writer says that after the complaint the staff member's contract extension was put on
              hold, her travel approvals were cancelled and the director told others she was "not a team player". The writer fears the same will happen to anyone who supported her.

            Journal (5)
              2026-10-16 08:00  Contact      Acknowledged via the whistleblowing platform. — counselor
              2026-10-17 08:00  Statut       Statut nouveau → réception confirmée — counselor
              2026-10-22 12:00  Note         Cross-referenced with the earlier complaint about the same manager. — counselor
              2026-10-23 12:00  Statut       Statut réception confirmée → en évaluation — counselor
              2026-10-23 14:00  Évaluation   Évalué fréquence 1, gravité 2, menace / humiliation 1, atteinte au bien-être 2, écart de pouvoir 4 → score 68, élevé ; transmission suggérée — counselor












             Dossiers : 33 en retard · 3 dus ≤48h │ a évaluer  e transmettre  s statut  j journal  Échap retour  ? aide
            """, "fr-detail-200x60")
    }

    @Test func assessmentAt80x24() throws {
        let app = try Self.app()
        ColonCommand.run("C-2026-0045", app: app)
        Fixture.press(app, [.char("a"), .char("3"), .char("3"), .right, .right])
        expectScreen(app.render(width: 80, height: 24), """
             Évaluer C-2026-0045 · Amber Heron
             Notez chaque facteur de 0 à 4 (←/→ ou 0–4). Le score ci-dessous suit vos notes.

              Fréquence              0  1  2 [3] 4  chaque semaine ou plus
              Gravité                0  1  2 [3] 4  contact imposé, chantage sexuel
            > Menace / humiliation   0  1 [2] 3  4  humiliation en public
              Atteinte au bien-être [0] 1  2  3  4  aucune signalée
              Écart de pouvoir       0 [1] 2  3  4  * pairs
             * Pouvoir 1 suggéré d'après les personnes mises en cause (pair) : confirmez ou
               changez-le.

             Score 56/100 → !! Élevé
              Fréquence : 3 (chaque semaine ou plus) × 1,00 = 12,0 pts
              Gravité : 3 (contact imposé, chantage sexuel) × 1,50 = 18,0 pts
              Menace / humiliation : 2 (humiliation en public) × 1,50 = 12,0 pts
              Atteinte au bien-être : 0 (aucune signalée) × 1,25 = 0,0 pts
              Écart de pouvoir : 1 (pairs) × 1,00 = 4,0 pts
              Caractère répété : personne mise en cause nommée dans 1 autre dossier ouvert
              +10 pts (10 par dossier, plafond 20)
              Score 56/100 → Élevé · grave et répété



             Dossiers : 33 en retard · 3 dus ≤48h │ ←/→ noter  Entrée enregistrer
            """, "fr-assessment-80x24")
        Fixture.press(app, [.left, .char("4"), .enter])
        #expect(app.message?.text == "Évaluation enregistrée : score 68, Critique.")
    }

    @Test func assessmentAt200x60() throws {
        let app = try Self.app()
        ColonCommand.run("C-2026-0030", app: app)
        Fixture.press(app, [.char("a"), .down, .right])
        expectScreen(app.render(width: 200, height: 60), """
             Évaluer C-2026-0030 · Dusky Petrel
             Notez chaque facteur de 0 à 4 (←/→ ou 0–4). Le score ci-dessous suit vos notes.

              Fréquence              0 [1] 2  3  4  2 ou 3 faits
            > Gravité                0  1  2 [3] 4  contact imposé, chantage sexuel
              Menace / humiliation   0 [1] 2  3  4  humiliation en privé
              Atteinte au bien-être  0  1 [2] 3  4  atteint sommeil, travail ou santé
              Écart de pouvoir       0  1  2  3 [4] maîtrise les moyens d'existence, l'aide, le séjour ou le statut légal

             Score 74/100 → !! Élevé
              Fréquence : 1 (2 ou 3 faits) × 1,00 = 4,0 pts
              Gravité : 3 (contact imposé, chantage sexuel) × 1,50 = 18,0 pts
              Menace / humiliation : 1 (humiliation en privé) × 1,50 = 6,0 pts
              Atteinte au bien-être : 2 (atteint sommeil, travail ou santé) × 1,25 = 10,0 pts
              Écart de pouvoir : 4 (maîtrise les moyens d'existence, l'aide, le séjour ou le statut légal) × 1,00 = 16,0 pts
              Caractère répété : personne mise en cause nommée dans 4 autres dossiers ouverts +20 pts (10 par dossier, plafond 20)
              Seuil imposé : représailles après une plainte → au moins Élevé
              Score 74/100 → Élevé · grave et répété · transmission suggérée









































             Dossiers : 33 en retard · 3 dus ≤48h │ ←/→ noter  Entrée enregistrer  Échap annuler  ? aide
            """, "fr-assessment-200x60")
    }

    @Test func helpAt80x24() throws {
        let app = try Self.app()
        Fixture.press(app, [.char("?")])
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — touches                                                   1–21/182
             File de triage
               j, Bas            Dossier suivant
               k, Haut           Dossier précédent
               PgSuiv, Espace    Page suivante
               PgPréc            Page précédente
               g, Début          Premier dossier
               G, Fin            Dernier dossier
               Entrée            Ouvrir le dossier sélectionné
               /                 Recherche à la frappe (n°, pseudonyme, catégorie, statut)
               f                 Par statut : ouverts, tous, transmis, clos
               b                 Par niveau : tous, critique, élevé, moyen, faible, non noté
               c                 Par catégorie (parcourt la taxonomie)
               o                 En retard seulement (oui/non)
               F, Échap          Effacer la recherche et les filtres
               n                 Nouveau dossier (formulaire d'accueil)
               E                 Revue des transmissions (par échelon, puis score)
               S                 Statistiques : décomptes anonymisés avec histogrammes
               R                 Mis en cause récurrents : cités dans plusieurs dossiers
               A                 Alertes d'échéance : en retard et bientôt dues
               q                 Quitter


             Dossiers : 33 en retard · 3 dus ≤48h │ Échap fermer  ? aide
            """, "fr-help-80x24")
    }

    @Test func helpAt200x60() throws {
        let app = try Self.app()
        ColonCommand.run("C-2026-0045", app: app)
        Fixture.press(app, [.char("?")])
        expectScreen(app.render(width: 200, height: 60), """
             Confidant — touches                                                                                                                                                                          28–84/182
             Détail du dossier
               Bas               Descendre
               Haut              Monter
               PgSuiv, Espace    Page suivante
               PgPréc            Page précédente
               Début, g          Début
               Fin, G            Fin (journal)
               a                 Évaluer : noter les cinq facteurs
               e                 Transmettre : choisir le niveau, donner une raison
               s                 Changer le statut (étapes suivantes permises seulement)
               j                 Ajouter une entrée au journal
               i                 Modifier le dossier : le formulaire d'accueil rempli ; n'enregistre que les champs modifiés
               c                 Donner ou retirer le consentement à communiquer l'identité à la supervision (demande y/n)
               D                 Consigner une divulgation sans consentement : à qui, l'obligation d'agir, information différée ?
               r                 Rouvrir un dossier clos, retiré ou écarté (avec une raison)
               f                 Intervalle de suivi de ce dossier en jours (1–365 ; vide revient à celui de la politique)
               v                 Revue (supervision seulement) : renvoyer avec un avis, niveau suivant, procédure formelle ou clôture
               x                 Exporter le dossier (Markdown, HTML, JSON ; mode 0600)
               L                 Accusé de réception ; puis le marquer comme envoyé
               H                 Placer ou lever une conservation légale (avec une raison)
               C                 Déclarer un conflit d'intérêts : vous êtes récusé·e
               Échap, q          Retour à la file

             Statistiques (S)
               Bas, j            Descendre
               Haut, k           Monter
               PgSuiv, Espace    Page suivante
               PgPréc            Page précédente
               Début, g          Début
               Fin, G            Fin
               Échap, q          Retour à la file

             Mis en cause récurrents (R)
               Bas, j            Dossier suivant
               Haut, k           Dossier précédent
               PgSuiv, Espace    Page suivante
               PgPréc            Page précédente
               Début, g          Premier dossier
               Fin, G            Dernier dossier
               Entrée            Ouvrir le dossier sélectionné
               Échap, q          Retour à la file

             Alertes d'échéance (au démarrage ; A)
               Bas, j            Alerte suivante
               Haut, k           Alerte précédente
               PgSuiv, Espace    Page suivante
               PgPréc            Page précédente
               Début, g          Première alerte
               Fin, G            Dernière alerte
               Entrée            Ouvrir le dossier de l'alerte sélectionnée
               Échap, q          Fermer les alertes (A les affiche de nouveau)

             Formulaire : nouveau dossier (n) et modification (i)
               Tab, Bas          Champ suivant
               Maj-Tab, Haut     Champ précédent
               Entrée            Champ suivant ; une nouvelle ligne dans le récit ; choisir dans une liste ; enregistrer sur [Enregistrer]
               Ctrl-S            Enregistrer (en modification, seuls les champs changés)

             Dossiers : 33 en retard · 3 dus ≤48h │ Échap fermer  ? aide
            """, "fr-help-200x60")
    }

    @Test func statisticsAt80x24() throws {
        let app = try Self.app()
        Fixture.press(app, [.char("S")])
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — statistiques · dossiers reçus jusqu'au 25 novembre 2026    1–21/89
             Anonymisé : ni noms, ni numéros, ni pseudonymes, ni texte des dossiers. Les
             décomptes de 1 à 4 s'affichent <5 ; x est un décompte masqué pour qu'un petit
             décompte ne puisse pas se déduire d'un total. Ni l'un ni l'autre n'a de barre.

             Vue d'ensemble
               Dossiers reçus       46
               Encore ouverts       38
               Ouverts et en retard 33
               Transmis             5 (10,9 % des dossiers)

             Par niveau de triage
               Critique             11  ████████████████████████████████████████████████████
               Élevé                 9  ██████████████████████████████████████████▌
               Moyen                11  ████████████████████████████████████████████████████
               Faible                7  █████████████████████████████████▏
               Pas encore évalué     8  █████████████████████████████████████▉

             Par catégorie
               Un dossier peut avoir plusieurs catégories : leur somme ne fait pas le
               total.
               Agression et violence            5  █████████████▋

             Dossiers : 33 en retard · 3 dus ≤48h │ Échap retour  ? aide
            """, "fr-statistics-80x24")
    }

    @Test func statisticsAt200x60() throws {
        let app = try Self.app()
        Fixture.press(app, [.char("S")])
        expectScreen(app.render(width: 200, height: 60), """
             Confidant — statistiques · dossiers reçus jusqu'au 25 novembre 2026
             Anonymisé : ni noms, ni numéros, ni pseudonymes, ni texte des dossiers. Les décomptes de 1 à 4     Par canal
             s'affichent <5 ; x est un décompte masqué pour qu'un petit décompte ne puisse pas se déduire d'un    Plainte                         27  ████████████████████████████████████████████████████████████
             total. Ni l'un ni l'autre n'a de barre.                                                              Lancement d'alerte (anonyme)     9  ████████████████████
                                                                                                                  Orientation                      x
             Vue d'ensemble                                                                                       Visite spontanée                <5
               Dossiers reçus       46
               Encore ouverts       38                                                                          Par mois de réception
               Ouverts et en retard 33                                                                            2025-12         <5
               Transmis             5 (10,9 % des dossiers)                                                       2026-01         <5
                                                                                                                  2026-02          0
             Par niveau de triage                                                                                 2026-03         <5
               Critique             11  ███████████████████████████████████████████████████████████████████████   2026-04          0
               Élevé                 9  ██████████████████████████████████████████████████████████▏               2026-05         <5
               Moyen                11  ███████████████████████████████████████████████████████████████████████   2026-06         <5
               Faible                7  █████████████████████████████████████████████▏                            2026-07         <5
               Pas encore évalué     8  ███████████████████████████████████████████████████▋                      2026-08          6  █████████████████████████████████████████▌
                                                                                                                  2026-09          7  ████████████████████████████████████████████████▍
             Par catégorie                                                                                        2026-10          9  ██████████████████████████████████████████████████████████████▏
               Un dossier peut avoir plusieurs catégories : leur somme ne fait pas le total.                      2026-11         11  ████████████████████████████████████████████████████████████████████████████
               Agression et violence            5  ████████████████████
               Harcèlement moral                8  ████████████████████████████████                             Délais de réponse, en jours après réception
               Discrimination                  10  ████████████████████████████████████████                       Accusé de réception · 40 dossiers
               Harcèlement                     15  ████████████████████████████████████████████████████████████     médiane               0,7  ██████████████████████████████████████████████▉
               Harcèlement sexuel              10  ████████████████████████████████████████                         90e centile           1,0  ███████████████████████████████████████████████████████████████████
               Exploitation et abus sexuels    <5                                                                 Premier contact avec la personne signalante · 40 dossiers
               Abus d'autorité                  5  ████████████████████                                             médiane               0,7  ██████████████████████████████████████████████▉
               Représailles                    <5                                                                   90e centile           1,0  ███████████████████████████████████████████████████████████████████
               Dénigrement                      5  ████████████████████
                                                                                                                En retard, par première échéance manquée
             Par relation de la personne signalante                                                               Dossiers ouverts dont la première échéance est passée : 33.
               Personnel                        29  ███████████████████████████████████████████████████████████   Accuser réception              0
               Bénévole                         <5                                                                Confirmation écrite           20  ██████████████████████████████████████████████████████████████
               Stagiaire                        <5                                                                Premier contact               <5
               Consultant·e                     <5                                                                Soutien proposé                x
               Partenaire                       <5                                                                Suivi                          0
               Bénéficiaire de subvention       <5                                                                Retour à la personne           0
               Donateur                          0                                                                Informer de la divulgation     0
               Fournisseur                      <5                                                                Donner suite à l'examen        0
               Bénéficiaire / personne aidée    <5
               Autre partie prenante             0                                                              Transmission, par échelon le plus haut atteint
                                                                                                                  Part : sur l'ensemble des 46 dossiers reçus dans la période.
                                                                                                                  Équipe des plaintes            <5
                                                                                                                  Direction du département       <5
                                                                                                                  Direction générale             <5
                                                                                                                  Comité externe des plaintes    <5
                                                                                                                  Non transmis                   41  89,1 %  █████████████████████████████████████████████████████












             Dossiers : 33 en retard · 3 dus ≤48h │ Échap retour  ? aide
            """, "fr-statistics-200x60")
    }

    @Test("Errors, refusals and messages are told in French")
    func messagesInFrench() throws {
        let app = try Self.app()
        ColonCommand.run("C-2026-0099", app: app)
        #expect(app.message?.text == "Il n'y a pas de dossier C-2026-0099 dans cette base.")
        ColonCommand.run("filter overdue", app: app)
        #expect(app.message?.text == "Filtre : ouverts · en retard — 33 dossiers.")
        ColonCommand.run("frobnicate", app: app)
        #expect(app.message?.text == "Commande inconnue « :frobnicate » — essayez :help.")
        ColonCommand.run("C-2026-0045", app: app)
        Fixture.press(app, [.char("e")])
        #expect(app.message?.text == "Un dossier ne peut pas passer de nouveau à transmis ; depuis nouveau, il peut aller vers : "
            + "réception confirmée, écarté, retiré.")
        ColonCommand.run("C-2026-0030", app: app)
        Fixture.press(app, [.char("e"), .enter])
        let duty = try #require(app.modals.last as? TextPrompt)
        #expect(duty.title == "Transmettre C-2026-0030 à : Équipe des plaintes")
        #expect(duty.label == "Souhaits de la personne signalante : non renseignés ; elle n'a pas demandé de transmission. "
            + "Indiquez l'obligation d'agir (un enfant en danger, une exploitation ou des abus sexuels, un danger de mort, "
            + "une obligation légale) :")
        Fixture.press(app, [.enter])
        #expect(duty.error == "Les souhaits de la personne signalante sont : non renseignés. Ne transmettez qu'à sa demande "
            + "(souhaits « procédure formelle » ou « transmettre ») ou en indiquant une obligation d'agir.")
    }

    @Test("The letter chooser names the languages in French and starts on the case's language")
    func letterLanguagesInFrench() throws {
        let desk = try Fixture.frenchDemoDesk()
        let id = try #require(CaseID("C-2026-0045"))
        try desk.edit(id, CaseEdit(language: "ar"))
        let app = Fixture.app(desk, letters: Fixture.frenchConfig.letters)
        ColonCommand.run("C-2026-0045", app: app)
        Fixture.press(app, [.char("L")])
        let chooser = try #require(app.modals.last as? Chooser)
        #expect(chooser.title == "Accusé de réception pour C-2026-0045 : langue")
        #expect(chooser.options == ["en — anglais", "fr — français", "ar — arabe", "es — espagnol"])
        #expect(chooser.cursor.selected == 2, "the case's letters are in Arabic")
        Fixture.press(app, [.escape, .char("i")])
        let form = try #require(app.stack.last as? IntakeForm)
        #expect(form.language == "ar")
        #expect(form.languageChoices == ["en", "fr", "ar", "es"], "an edit cannot take the language back to the desk's")
    }

    @Test("The queue's search finds statuses by their French names")
    func searchInFrench() throws {
        let app = try Self.app()
        Fixture.press(app, [.char("/")])
        Fixture.type(app, "transmis")
        #expect(!app.queue.visible.isEmpty && app.queue.visible.allSatisfy { $0.status == .escalated })
        #expect(app.queue.title(app: app).hasPrefix("Confidant — file de triage · ouverts · « transmis » · "))
    }
}
