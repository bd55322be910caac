# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: demo test lint install install-test robustness evaluate evaluate-phrasings evaluate-phrasings2 evaluate-phrasings3 evaluate-phrasings4 evaluate-phrasings5 evaluate-phrasings6 evaluate-phrasings7 evaluate-phrasings8 evaluate-phrasings9 evaluate-phrasings10 evaluate-phrasings11 evaluate-phrasings12 evaluate-phrasings13 evaluate-phrasings14 evaluate-phrasings15 evaluate-phrasings16 evaluate-phrasings17 evaluate-phrasings18 evaluate-phrasings19 evaluate-phrasings20 evaluate-phrasings21 evaluate-phrasings22 evaluate-phrasings23 evaluate-phrasings24 evaluate-phrasings25 evaluate-phrasings26 evaluate-phrasings27 evaluate-phrasings28 evaluate-phrasings29 evaluate-phrasings30 evaluate-phrasings31 evaluate-phrasings32 evaluate-phrasings33 evaluate-phrasings34 evaluate-phrasings35 evaluate-phrasings36 evaluate-phrasings37 evaluate-phrasings39 evaluate-phrasings38 evaluate-phrasings40 evaluate-phrasings41 evaluate-phrasings42 evaluate-phrasings43 evaluate-phrasings44 evaluate-phrasings45 evaluate-phrasings46 evaluate-phrasings47 evaluate-phrasings48 evaluate-phrasings49 evaluate-phrasings50 evaluate-phrasings51 evaluate-phrasings52 evaluate-phrasings53 evaluate-phrasings54 evaluate-phrasings55 evaluate-phrasings56 evaluate-phrasings57 evaluate-phrasings58 evaluate-phrasings59 evaluate-phrasings60 evaluate-phrasings61 evaluate-phrasings62 evaluate-phrasings63 phrasings bench samples clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/msp-select score proposals/ --criteria criteria/example --out reports/example --date 2026-11-24

lint: install-test
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

test: install-test lint
	$(BIN)/python -m pytest
	@if [ -d "$(SHARED)/corpus/robustness" ]; then \
		$(BIN)/python $(SHARED)/tools/robustness.py $(SHARED)/corpus/robustness --cmd $(BIN)/msp-select; \
	else echo "robustness corpus not found at $(SHARED)/corpus/robustness: skipped"; fi

evaluate: install
	$(BIN)/python $(SHARED)/tools/evaluate.py $(SHARED)/corpus/dev --cmd $(BIN)/msp-select

# held-out synthetic proposals in other phrasings and layouts (tests/corpora/phrasings/README.md)
evaluate-phrasings: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings --cmd $(BIN)/msp-select

# a second held-out corpus, another client and five other vendors (tests/corpora/phrasings2/README.md)
evaluate-phrasings2: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings2 --cmd $(BIN)/msp-select

# a third held-out corpus: a Canadian transit client, contract-style and tiered documents (tests/corpora/phrasings3/README.md)
evaluate-phrasings3: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings3 --cmd $(BIN)/msp-select

# a fourth held-out corpus: a Singapore logistics client, FAQ, slide-deck, matrix and tender layouts (tests/corpora/phrasings4/README.md)
evaluate-phrasings4: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings4 --cmd $(BIN)/msp-select

# a fifth held-out corpus: an Australian health network, transposed SLA tables, footnotes, a RACI matrix (tests/corpora/phrasings5/README.md)
evaluate-phrasings5: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings5 --cmd $(BIN)/msp-select

# a sixth held-out corpus: a US county, SOW, RFP-response, KPI-scorecard and SLA-exhibit layouts (tests/corpora/phrasings6/README.md)
evaluate-phrasings6: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings6 --cmd $(BIN)/msp-select

# a seventh held-out corpus: a UK manufacturer, G-Cloud, offshore ITIL, quotation, call-off schedule and brochure layouts (tests/corpora/phrasings7/README.md)
evaluate-phrasings7: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings7 --cmd $(BIN)/msp-select

# an eighth held-out corpus: a South African school group, MSA schedule, service catalogue, two-column and spreadsheet layouts (tests/corpora/phrasings8/README.md)
evaluate-phrasings8: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings8 --cmd $(BIN)/msp-select

# a ninth held-out corpus: a US dental group, ordinary proposals in unusual wording (tests/corpora/phrasings9/README.md)
.PHONY: evaluate-phrasings9
evaluate-phrasings9: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings9 --cmd $(BIN)/msp-select

# a tenth held-out corpus: a Dutch veterinary group, conventional proposals in unseen wording (tests/corpora/phrasings10/README.md)
evaluate-phrasings10: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings10 --cmd $(BIN)/msp-select

# an eleventh held-out corpus: a UK law firm, ordinary proposals in unusual wording (tests/corpora/phrasings11/README.md)
evaluate-phrasings11: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings11 --cmd $(BIN)/msp-select

# a twelfth held-out corpus: a Danish ferry operator, wording and layout varied together (tests/corpora/phrasings12/README.md)
evaluate-phrasings12: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings12 --cmd $(BIN)/msp-select

# a thirteenth held-out corpus: a Mexican resort-hotel group, five house styles (tests/corpora/phrasings13/README.md)
evaluate-phrasings13: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings13 --cmd $(BIN)/msp-select

# a fourteenth held-out corpus: a Polish water utility, five house styles (tests/corpora/phrasings14/README.md)
evaluate-phrasings14: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings14 --cmd $(BIN)/msp-select

# a fifteenth held-out corpus: a New Zealand veterinary hospital group, five house styles (tests/corpora/phrasings15/README.md)
evaluate-phrasings15: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings15 --cmd $(BIN)/msp-select

# a sixteenth held-out corpus: a Singapore freight forwarder, five house styles (tests/corpora/phrasings16/README.md)
evaluate-phrasings16: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings16 --cmd $(BIN)/msp-select

# a seventeenth held-out corpus: a Quebec/Ontario credit union, five house styles (tests/corpora/phrasings17/README.md)
evaluate-phrasings17: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings17 --cmd $(BIN)/msp-select

# an eighteenth held-out corpus: a Kenyan hospital group, five house styles (tests/corpora/phrasings18/README.md)
evaluate-phrasings18: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings18 --cmd $(BIN)/msp-select

# a nineteenth held-out corpus: a Queensland mining-services contractor, five house styles (tests/corpora/phrasings19/README.md)
evaluate-phrasings19: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings19 --cmd $(BIN)/msp-select

# a twentieth held-out corpus: a Texas school district, five house styles (tests/corpora/phrasings20/README.md)
evaluate-phrasings20: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings20 --cmd $(BIN)/msp-select

# a twenty-first held-out corpus: a Zurich/Winterthur clinic foundation, five house styles (tests/corpora/phrasings21/README.md)
evaluate-phrasings21: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings21 --cmd $(BIN)/msp-select

# a twenty-second held-out corpus: an Indian architecture and engineering consultancy, five house styles (tests/corpora/phrasings22/README.md)
evaluate-phrasings22: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings22 --cmd $(BIN)/msp-select

# a twenty-third held-out corpus: an Ohio food-bank network, five house styles (tests/corpora/phrasings23/README.md)
evaluate-phrasings23: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings23 --cmd $(BIN)/msp-select

# a twenty-fourth held-out corpus: a Norwegian electricity and district-heating utility, five house styles (tests/corpora/phrasings24/README.md)
evaluate-phrasings24: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings24 --cmd $(BIN)/msp-select

# a twenty-fifth held-out corpus: a Philippine contact-centre BPO, five house styles (tests/corpora/phrasings25/README.md)
evaluate-phrasings25: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings25 --cmd $(BIN)/msp-select

# a twenty-sixth held-out corpus: an Ontario pharmacy chain and compounding lab, five house styles (tests/corpora/phrasings26/README.md)
evaluate-phrasings26: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings26 --cmd $(BIN)/msp-select

# a twenty-seventh held-out corpus: a Scottish regional airport operator, five house styles (tests/corpora/phrasings27/README.md)
evaluate-phrasings27: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings27 --cmd $(BIN)/msp-select

# a twenty-eighth held-out corpus: a South African law firm (ZAR), slide deck, compliance matrix, e-mail answers, numbered service schedule, spreadsheet price export (tests/corpora/phrasings28/README.md)
evaluate-phrasings28: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings28 --cmd $(BIN)/msp-select

# a twenty-ninth held-out corpus: a German school district (EUR), service cards, a transposed SLA matrix, a framework agreement with paragraph numbers, comma-decimal prices (tests/corpora/phrasings29/README.md)
evaluate-phrasings29: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings29 --cmd $(BIN)/msp-select

# a thirtieth held-out corpus: a US county court (USD), an RFP response form, definitions-then-schedules SLA, a plan matrix, binding notes, a pricing exhibit with alternates (tests/corpora/phrasings30/README.md)
evaluate-phrasings30: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings30 --cmd $(BIN)/msp-select

# a thirty-first held-out corpus: a Kenyan microfinance bank (KES/USD), summary sheet and annexes, tier columns under sub-headers, a clarification log, two-column pages (tests/corpora/phrasings31/README.md)
evaluate-phrasings31: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings31 --cmd $(BIN)/msp-select

# held-out corpus 32: a Brazilian grain cooperative (BRL/USD), translated proposal with comma decimals, numbered SLA annex, impact x urgency matrix, plan columns, KPI table with penalties (tests/corpora/phrasings32/README.md)
evaluate-phrasings32: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings32 --cmd $(BIN)/msp-select

# held-out corpus 33: a UK housing association (GBP), G-Cloud Q&A, a Measure column, one table per priority, tracked-change contract schedule, a consultant benchmark (tests/corpora/phrasings33/README.md)
evaluate-phrasings33: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings33 --cmd $(BIN)/msp-select

# held-out corpus 34: a Montreal research institute (CAD), bilingual headers, T+ and J+ notation, a tier matrix with footnote letters, long conditional paragraphs, a quote with OPT lines (tests/corpora/phrasings34/README.md)
evaluate-phrasings34: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings34 --cmd $(BIN)/msp-select

# held-out corpus 35: a Dutch logistics company (EUR), five house styles the writer chose (tests/corpora/phrasings35/README.md)
evaluate-phrasings35: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings35 --cmd $(BIN)/msp-select

# held-out corpus 36: a New Zealand regional council (NZD), five house styles the writer chose, figures only in tables or only in prose (tests/corpora/phrasings36/README.md)
evaluate-phrasings36: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings36 --cmd $(BIN)/msp-select

# held-out corpus 37: held out (tests/corpora/phrasings37/README.md)
evaluate-phrasings37: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings37 --cmd $(BIN)/msp-select

# held-out corpus 39: held out (tests/corpora/phrasings39/README.md)
evaluate-phrasings39: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings39 --cmd $(BIN)/msp-select

# held-out corpus 40: held out (tests/corpora/phrasings40/README.md)
evaluate-phrasings40: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings40 --cmd $(BIN)/msp-select

# held-out corpus 42: held out (tests/corpora/phrasings42/README.md)
evaluate-phrasings42: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings42 --cmd $(BIN)/msp-select

# held-out corpus 43: Irish dental group (EUR), slide deck tier grid, MSA with cross-references, e-mail answers under quoted questions, tick-box questionnaire, two-column brochure (tests/corpora/phrasings43/README.md)
evaluate-phrasings43: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings43 --cmd $(BIN)/msp-select

# held-out corpus 44: Manitoba water utility (CAD), narrative letter with consequence-named levels, spreadsheet catalogue with band rows, h:mm times, runbook timers, plans contrasted with one offered (tests/corpora/phrasings44/README.md)
evaluate-phrasings44: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings44 --cmd $(BIN)/msp-select

# held-out corpus 45: Iberian boutique hotel chain (EUR), tender answers with a service-level annex, colour-word appendix table, restated schedules, Day 1/30/90 onboarding, footnoted currency (tests/corpora/phrasings45/README.md)
evaluate-phrasings45: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings45 --cmd $(BIN)/msp-select

# held-out corpus 46: NSW school trust (AUD), term and holiday support calendar, statement of work with milestones in weeks, Q&A schedule with see-section answers, per-device catalogue with annual and one-off fees, reseller quoting a third-party NOC (tests/corpora/phrasings46/README.md)
evaluate-phrasings46: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings46 --cmd $(BIN)/msp-select

# held-out corpus 47: Ontario credit union (CAD), promise-phrased headings, SLA exhibit matrix with N/A and see-clause cells, S0-S3 plus request classes, volume price bands, comparison against named competitors (tests/corpora/phrasings47/README.md)
evaluate-phrasings47: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings47 --cmd $(BIN)/msp-select

# held-out corpus 48: Scottish architecture firm (GBP), G-Cloud service definition, requirement-ID compliance table, letter with boxed SLA appendix, mountain-named tier rows, ranges and 95%-of-the-time targets (tests/corpora/phrasings48/README.md)
evaluate-phrasings48: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings48 --cmd $(BIN)/msp-select

# held-out corpus 49: a New Zealand veterinary chain: priority columns matrix, FAQ, numbered legal clauses, price list over a page break, times in words (tests/corpora/phrasings49/README.md)
evaluate-phrasings49: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings49 --cmd $(BIN)/msp-select

# held-out corpus 50: a Dutch-Belgian freight forwarder: slide deck, Sev A-D mapped in a separate table, service catalogue cards, non-native English, tick-column tiers (tests/corpora/phrasings50/README.md)
evaluate-phrasings50: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings50 --cmd $(BIN)/msp-select

# held-out corpus 51: an Irish pharmacy chain: e-mail letter with run-in titles, nested numbered SLA, price bands by pharmacy count, questionnaire table, downtime per quarter (tests/corpora/phrasings51/README.md)
evaluate-phrasings51: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings51 --cmd $(BIN)/msp-select

# held-out corpus 52: a Canadian law firm: two-column service description, severity rows by tier columns, US contract defined terms, business/after-hours columns, footnoted SLA (tests/corpora/phrasings52/README.md)
evaluate-phrasings52: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings52 --cmd $(BIN)/msp-select

# held-out corpus 53: a Danish utility: long multi-figure sentences, SLA table over a page break with a footnote, RACI client duties, passive voice, Bronze/Silver/Gold in prose offering Silver (tests/corpora/phrasings53/README.md)
evaluate-phrasings53: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings53 --cmd $(BIN)/msp-select

# held-out corpus 54: NZ veterinary clinics, definition-list SLA, impact x urgency matrix, line-item quote (tests/corpora/phrasings54/README.md)
evaluate-phrasings54: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings54 --cmd $(BIN)/msp-select

# held-out corpus 55: Scottish schools group, tender compliance answers, term-time cover, transposed P1..P5 table (tests/corpora/phrasings55/README.md)
evaluate-phrasings55: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings55 --cmd $(BIN)/msp-select

# held-out corpus 56: Queensland regional airport, summary table restating figures, Target vs Guaranteed columns, glossary-defined times, FAQ (tests/corpora/phrasings56/README.md)
evaluate-phrasings56: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings56 --cmd $(BIN)/msp-select

# held-out corpus 57: California county libraries, RFP form with Y/N/P, SL-01..SL-10 register, formal contract language, plain-English letter, per-branch prices (tests/corpora/phrasings57/README.md)
evaluate-phrasings57: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings57 --cmd $(BIN)/msp-select

# held-out corpus 58: Danish offshore wind operator, contract clauses with annexes, tiers as columns with footnotes, European number formats (tests/corpora/phrasings58/README.md)
evaluate-phrasings58: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings58 --cmd $(BIN)/msp-select

# held-out corpus 59: London theatre trust, slide deck callouts, RACI table, package matrix, volume bands, Q&A (tests/corpora/phrasings59/README.md)
evaluate-phrasings59: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings59 --cmd $(BIN)/msp-select

# held-out corpus 60: Oregon water district, Full/Partial/No compliance matrix, two-column pages, upward severities, cost proposal form (tests/corpora/phrasings60/README.md)
evaluate-phrasings60: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings60 --cmd $(BIN)/msp-select

# held-out corpus 61: a Scottish whisky group, genres chosen by its writer: draft contract schedules, a compliance matrix quoting requirements, a pitch deck, a package service description with a quotation, a personal letter (tests/corpora/phrasings61/README.md)
evaluate-phrasings61: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings61 --cmd $(BIN)/msp-select

# held-out corpus 62: a Singapore freight forwarder, genres chosen by its writer: a tender compliance statement, a contract schedule with a clarification Q&A, a sales deck, a reseller quotation, an ITIL-style SLA (tests/corpora/phrasings62/README.md)
evaluate-phrasings62: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings62 --cmd $(BIN)/msp-select

# held-out corpus 63: a Canadian regional library board, genres chosen by its writer: an RFP compliance matrix, MSA contract schedules, a plan brochure with a quotation, a plain-language Q&A, a sales slide deck (tests/corpora/phrasings63/README.md)
evaluate-phrasings63: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings63 --cmd $(BIN)/msp-select

# held-out corpus 41: held out (tests/corpora/phrasings41/README.md)
evaluate-phrasings41: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings41 --cmd $(BIN)/msp-select

# held-out corpus 38: held out (tests/corpora/phrasings38/README.md)
evaluate-phrasings38: install
	$(BIN)/python $(SHARED)/tools/evaluate.py tests/corpora/phrasings38 --cmd $(BIN)/msp-select

phrasings: install-test
	$(BIN)/python tests/corpora/phrasings/generate.py
	for n in 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 39 38 40 42 41 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63; do \
		$(BIN)/python tests/corpora/phrasings/generate.py tests/corpora/phrasings$$n || exit 1; \
	done

bench: install-test
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/sensitivity.py
	$(BIN)/python benchmarks/e2e.py
	$(BIN)/python benchmarks/review.py $(SHARED)/corpus/dev

samples: install-test
	$(BIN)/python scripts/make_samples.py

clean:
	rm -rf $(VENV) reports/example build *.egg-info
