#!/bin/bash
# Makes v9-team.db with the previous version of confidant (commit 8d1bed7, schema v9, one data key for every
# account): OLD_CONFIDANT=path/to/its/confidant-test-clock DATA=path/to/Data OUT=folder bash make-v9-team.sh
# A team (counselor, alex, supervisor sam, admin root) and six cases: escalated with and without consent, new,
# closed and returned by the supervisor, one alex is recused from. Passphrases: "correct horse battery" and
# "<account> has a passphrase of their own".
set -e
cd "$OUT" && rm -rf legacy.db* state xdg
export CONFIDANT_DATA="$DATA" CONFIDANT_DB="$OUT"/legacy.db CONFIDANT_NOW=2026-11-25T12:00:00Z HOME="$OUT" XDG_STATE_HOME="$OUT"/state XDG_DATA_HOME="$OUT"/xdg CONFIDANT_PASSPHRASE="correct horse battery"
O="$OLD_CONFIDANT"
mk() {
python3 - "$@" <<'EOF'
import json,sys
r,c,p,consent,narr=sys.argv[1:6]
d={"receivedAt":"2026-11-20T09:00:00Z","channel":"complaint","incidentFirst":"2026-11-01","incidentLast":"2026-11-18",
 "reporter":{"pseudonym":"Amber Heron","name":r,"contact":c},"relationship":"staff",
 "reported":[{"name":p,"role":"Country Director","power":"supervisor"}],"categories":["harassment","abuse-of-authority"],
 "narrative":narr,"consentShareIdentity":consent=="yes","supportNeeds":"Wants no contact with the director.","wishes":"formal"}
print(json.dumps(d))
EOF
}
$O init --account counselor --organisation "Test Org" </dev/null
CONFIDANT_NEW_PASSPHRASE="sam has a passphrase of their own" $O user add sam --role supervisor </dev/null
CONFIDANT_NEW_PASSPHRASE="alex has a passphrase of their own" $O user add alex --role counselor </dev/null
mk "Consenting Person" "consent@example.org" "Person A" yes "He told me my contract would not be renewed unless I stayed quiet." > c1.json
mk "Marta Łukasiewicz" "marta.l@example.org" "Person B" no "Marta Łukasiewicz says the director shouted at her; write to marta.l@example.org." > c2.json
mk "Fresh Reporter" "fresh@example.org" "Person C" no "A fresh case that was never escalated." > c3.json
mk "Closed Reporter" "closed@example.org" "Person D" no "A case the supervisor closed." > c4.json
mk "Returned Reporter" "returned@example.org" "Person E" no "A case returned to the counselor." > c5.json
mk "Conflicted Reporter" "conflicted@example.org" "Person F" no "A case alex is recused from." > c6.json
for i in 1 2 3 4 5 6; do $O add --json c$i.json </dev/null; done
for id in C-2026-0001 C-2026-0002 C-2026-0004 C-2026-0005; do
  echo "Called the reporter on her mobile; she is safe." > t.txt
  $O journal $id --kind contact --text-file t.txt </dev/null >/dev/null
  $O status $id acknowledged </dev/null >/dev/null
  $O status $id assessing </dev/null >/dev/null
  $O assess $id --frequency 2 --severity 2 --threat 3 --wellbeing 2 --power 3 </dev/null >/dev/null
  echo "Referred to the staff counsellor." > t.txt
  $O journal $id --kind support --text-file t.txt </dev/null >/dev/null
  $O escalate $id --to complaints-team --reason "She asks for a formal review" </dev/null >/dev/null
done
echo "Not upheld after hearing both sides." > r.txt
CONFIDANT_PASSPHRASE="sam has a passphrase of their own" $O review C-2026-0004 --decision close --outcome unsubstantiated --text-file r.txt </dev/null
echo "Try an informal conversation first." > r.txt
CONFIDANT_PASSPHRASE="sam has a passphrase of their own" $O review C-2026-0005 --decision return --text-file r.txt </dev/null
CONFIDANT_PASSPHRASE="alex has a passphrase of their own" $O conflict C-2026-0006 --reason "The reported person is my neighbour" </dev/null
CONFIDANT_NEW_PASSPHRASE="root has a passphrase of their own" $O user add root --role admin </dev/null
$O list </dev/null
$O audit verify </dev/null | tail -2
sqlite3 legacy.db "PRAGMA wal_checkpoint(TRUNCATE);"
ls -la
