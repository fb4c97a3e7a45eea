// The trainings' pure rules: registration and the wait list, tests and learning gain, certificates, paper
// attendance sheets, the DigComp self-check and the Open Badges credential. Expected values are worked out by hand
// in each test (or taken from the cited source).
import Foundation
import Testing
@testable import Methods

@Suite struct TrainingRegistrationTests {
    static func registration(_ id: String, _ contact: String, _ state: RegistrationState, _ order: Int) -> Registration {
        Registration(id: id, contactKey: TrainingRegistration.contactKey(contact), state: state, order: order)
    }

    @Test func contactKeysOfTheSamePersonAreEqual() {
        // e-mail: trimmed and lowercased
        #expect(TrainingRegistration.contactKey("  Ana.Hoxha@Example.AL \n") == "ana.hoxha@example.al")
        // phone: digits and the leading + only, however the number is grouped
        #expect(TrainingRegistration.contactKey("+355 69 000 1111") == "+355690001111")
        #expect(TrainingRegistration.contactKey("+35569 0001111") == TrainingRegistration.contactKey("+355 69 000 1111"))
        #expect(TrainingRegistration.contactKey(" +355 (69) 000-1111 ") == "+355690001111")
        // without the + it is another key (a national number is not guessed into an international one)
        #expect(TrainingRegistration.contactKey("069 000 1111") == "0690001111")
        #expect(TrainingRegistration.contactKey("069 000 1111") != TrainingRegistration.contactKey("+355 69 000 1111"))
        // no digits and no @: no usable contact
        #expect(TrainingRegistration.contactKey("call me") == "")
    }

    @Test func placesGoInOrderThenTheWaitList() {
        let list = [Self.registration("a", "a@x.al", .confirmed, 1), Self.registration("b", "b@x.al", .confirmed, 2)]
        // capacity 3, 2 confirmed, nobody waiting: 1 free place > 0 waiting → confirmed
        #expect(TrainingRegistration.decide(contactKey: "c@x.al", capacity: 3, registrations: list) == .confirmed)
        // capacity 2, 2 confirmed: 0 free → first on the wait list
        #expect(TrainingRegistration.decide(contactKey: "c@x.al", capacity: 2, registrations: list) == .waitlisted(position: 1))
        // capacity 3 but 1 already waiting (a promotion not stored yet): 1 free is not more than 1 waiting → position 2
        let withWaiting = list + [Self.registration("w", "w@x.al", .waitlisted, 3)]
        #expect(TrainingRegistration.decide(contactKey: "c@x.al", capacity: 3, registrations: withWaiting) == .waitlisted(position: 2))
        // no limit
        #expect(TrainingRegistration.decide(contactKey: "c@x.al", capacity: nil, registrations: withWaiting) == .confirmed)
    }

    @Test func fiftyPeopleAtOnceNeverGoOverCapacity() {
        // 50 registrations decided one after the other (as under the row lock) for 20 places:
        // 20 confirmed, 50 − 20 = 30 waiting, with positions 1…30
        var list: [Registration] = []
        var positions: [Int] = []
        for index in 1...50 {
            let key = TrainingRegistration.contactKey("+355 69 000 \(1000 + index)")
            switch TrainingRegistration.decide(contactKey: key, capacity: 20, registrations: list) {
            case .confirmed: list.append(Registration(id: "r\(index)", contactKey: key, state: .confirmed, order: index))
            case let .waitlisted(position):
                positions.append(position)
                list.append(Registration(id: "r\(index)", contactKey: key, state: .waitlisted, order: index))
            case .alreadyRegistered: Issue.record("person \(index) taken for another")
            }
        }
        #expect(list.filter { $0.state == .confirmed }.count == 20)
        #expect(list.filter { $0.state == .confirmed }.map(\.id) == (1...20).map { "r\($0)" })
        #expect(positions == Array(1...30))
    }

    @Test func theSameContactIsRecognised() {
        let list = [Self.registration("a", "+355 69 000 1111", .waitlisted, 1), Self.registration("old", "ana@x.al", .cancelled, 2)]
        // same phone written differently → the existing registration, nothing added
        #expect(TrainingRegistration.decide(contactKey: TrainingRegistration.contactKey("+35569 0001111"), capacity: 10, registrations: list)
            == .alreadyRegistered(id: "a", state: .waitlisted))
        // a cancelled registration does not block registering again
        #expect(TrainingRegistration.decide(contactKey: "ana@x.al", capacity: 10, registrations: list) == .confirmed)
        // two people without a contact are not the same person
        let blank = [Registration(id: "n", contactKey: "", state: .confirmed, order: 1)]
        #expect(TrainingRegistration.decide(contactKey: "", capacity: 10, registrations: blank) == .confirmed)
    }

    @Test func aCancellationMovesUpTheEarliestWaiting() {
        // capacity 2; listed out of order on purpose: the order number decides, not the array
        let list = [Self.registration("d", "d@x.al", .waitlisted, 4), Self.registration("a", "a@x.al", .confirmed, 1),
                    Self.registration("c", "c@x.al", .waitlisted, 3), Self.registration("b", "b@x.al", .confirmed, 2)]
        // a confirmed place freed → 1 free → the earliest waiting (order 3) moves up
        #expect(TrainingRegistration.promotions(afterCancelling: "a", capacity: 2, registrations: list) == ["c"])
        // a waiting registration cancelled frees no place
        #expect(TrainingRegistration.promotions(afterCancelling: "c", capacity: 2, registrations: list) == [])
        // capacity raised to 4: 4 − 2 = 2 free → both, earliest first
        #expect(TrainingRegistration.promotions(capacity: 4, registrations: list) == ["c", "d"])
        #expect(TrainingRegistration.promotions(capacity: 2, registrations: list) == [])
    }
}

@Suite struct TrainingTestScoringTests {
    static let test = TrainingTest(questions: [
        TestQuestion(id: "q1", kind: .single, options: ["a", "b", "c"], right: ["b"]),
        TestQuestion(id: "q2", kind: .multiple, options: ["a", "b", "c", "d"], right: ["a", "c"]),
        TestQuestion(id: "q3", kind: .single, options: ["a", "b"], right: ["a"], points: 2),
    ])

    @Test func aMultipleChoiceCountsOnlyWhenTheSetsAreEqual() {
        // q1 right (1) + q2 only "a" of {a, c} (0) + q3 right (2) = 3 of 1 + 1 + 2 = 4
        let partly = Self.test.score(["q1": ["b"], "q2": ["a"], "q3": ["a"]])
        #expect(partly == TestScore(points: 3, maximum: 4))
        // 3/4 = 75 %
        #expect(partly.percent == 75)
        #expect(partly.fraction == 0.75)
        // q2 with a wrong extra option ("a", "c", "d") is wrong too; q1 with two options on a single choice is wrong
        #expect(Self.test.score(["q1": ["b", "c"], "q2": ["a", "c", "d"], "q3": ["a"]]).points == 2)
        // all right: 4 of 4; nothing answered: 0 of 4
        #expect(Self.test.score(["q1": ["b"], "q2": ["c", "a"], "q3": ["a"]]).points == 4)
        #expect(Self.test.score([:]) == TestScore(points: 0, maximum: 4))
    }

    @Test func passingIsDecidedInWholeNumbers() {
        // 3 of 4: 300 ≥ 75 × 4 = 300 passes 75 %; 300 < 76 × 4 = 304 fails 76 %
        #expect(TestScore(points: 3, maximum: 4).passed(threshold: 75))
        #expect(!TestScore(points: 3, maximum: 4).passed(threshold: 76))
        // 2 of 3 = 66.67 %: shown as 66, passes 66 (200 ≥ 198), fails 67 (200 < 201)
        #expect(TestScore(points: 2, maximum: 3).percent == 66)
        #expect(TestScore(points: 2, maximum: 3).passed(threshold: 66))
        #expect(!TestScore(points: 2, maximum: 3).passed(threshold: 67))
        // a test worth nothing is never passed
        #expect(!TestScore(points: 0, maximum: 0).passed(threshold: 0))
    }

    @Test func questionsThatCannotBeScoredAreFound() {
        #expect(Self.test.problems().isEmpty)
        let bad = TrainingTest(questions: [
            TestQuestion(id: "x", kind: .single, options: ["a", "b"], right: ["a", "b"]),
            TestQuestion(id: "x", kind: .multiple, options: ["a", "b"], right: ["z"]),
            TestQuestion(id: "y", kind: .multiple, options: ["a"], right: []),
        ])
        #expect(bad.problems().map { "\($0.questionID):\($0.code)" }
            == ["x:single-with-several-right", "x:duplicate-id", "x:right-not-an-option", "y:too-few-options", "y:no-right-answer"])
    }
}

@Suite struct LearningGainTests {
    @Test func onePersonsNormalisedGain() throws {
        // (0.7 − 0.4) / (1 − 0.4) = 0.3 / 0.6 = 0.5
        #expect(approx(LearningGain.normalised(pre: 0.4, post: 0.7), 0.5))
        // no change → 0; worse after: (0.6 − 0.8) / (1 − 0.8) = −0.2 / 0.2 = −1
        #expect(approx(LearningGain.normalised(pre: 0.5, post: 0.5), 0))
        #expect(approx(LearningGain.normalised(pre: 0.8, post: 0.6), -1))
        // from 0 to the maximum: (1 − 0) / (1 − 0) = 1
        #expect(approx(LearningGain.normalised(pre: 0, post: 1), 1))
        // already at the maximum: nothing left to gain; scores outside 0…1 are not scores
        #expect(LearningGain.normalised(pre: 1, post: 1) == nil)
        #expect(LearningGain.normalised(pre: 1.2, post: 0.5) == nil)
        #expect(LearningGain.normalised(pre: .nan, post: 0.5) == nil)
    }

    @Test func anEventsAverageGainAndClassGain() {
        let gain = LearningGain.event([
            (pre: 0.0, post: 0.5),  // g = 0.5 / 1 = 0.5
            (pre: 0.5, post: 1.0),  // g = 0.5 / 0.5 = 1
            (pre: 1.0, post: 1.0),  // both tests, but no gain defined
            (pre: 0.4, post: nil),  // no post-test: left out
            (pre: nil, post: 0.9),  // no pre-test: left out
        ])
        #expect(gain.people == 3)
        #expect(gain.peopleWithGain == 2)
        // ḡ = (0.5 + 1) / 2 = 0.75
        #expect(approx(gain.averageGain, 0.75))
        // mean pre = (0 + 0.5 + 1) / 3 = 0.5; mean post = (0.5 + 1 + 1) / 3 = 2.5 / 3
        #expect(approx(gain.meanPre, 0.5))
        #expect(approx(gain.meanPost, 2.5 / 3))
        // ⟨g⟩ = (2.5/3 − 0.5) / (1 − 0.5) = (1/3) / (1/2) = 2/3 — not the same as ḡ
        #expect(approx(gain.classGain, 2.0 / 3.0))
    }

    @Test func anEventWithoutPairsHasNoGain() {
        let none = LearningGain.event([(pre: 0.3, post: nil)])
        #expect(none.people == 0 && none.averageGain == nil && none.classGain == nil && none.meanPre == nil)
        // everyone at the maximum before: no gain defined, mean pre = 1 → no class gain
        let top = LearningGain.event([(pre: 1, post: 1), (pre: 1, post: 0.5)])
        #expect(top.people == 2 && top.peopleWithGain == 0 && top.averageGain == nil && top.classGain == nil)
    }

    @Test func aTestScoreFeedsTheGain() {
        // pre 2 of 10 = 0.2, post 6 of 10 = 0.6: (0.6 − 0.2) / 0.8 = 0.5
        let pre = TestScore(points: 2, maximum: 10), post = TestScore(points: 6, maximum: 10)
        #expect(approx(LearningGain.normalised(pre: pre.fraction, post: post.fraction), 0.5))
    }
}

@Suite struct CertificateRuleTests {
    static let rule = CertificateRule(minimumAttendancePercent: 80, requiresPostTest: true, postTestPassPercent: 60)
    static let passed = TestScore(points: 6, maximum: 10)  // 600 ≥ 60 × 10 = 600

    @Test func attendanceIsComparedInWholeNumbers() {
        // 4 of 5: 400 ≥ 80 × 5 = 400 → meets 80 % exactly
        #expect(Self.rule.reasons(sessionsAttended: 4, sessionsHeld: 5, postTest: Self.passed) == [])
        // 3 of 4 = 75 %: 300 < 320
        #expect(Self.rule.reasons(sessionsAttended: 3, sessionsHeld: 4, postTest: Self.passed) == [.attendance])
        // 7 of 9 = 77.8 %: 700 < 720; 8 of 10: 800 ≥ 800
        #expect(!Self.rule.isEligible(sessionsAttended: 7, sessionsHeld: 9, postTest: Self.passed))
        #expect(Self.rule.isEligible(sessionsAttended: 8, sessionsHeld: 10, postTest: Self.passed))
        // no session held: nobody is eligible
        #expect(Self.rule.reasons(sessionsAttended: 0, sessionsHeld: 0, postTest: Self.passed) == [.attendance])
    }

    @Test func thePostTestMustBeTakenAndPassed() {
        #expect(Self.rule.reasons(sessionsAttended: 5, sessionsHeld: 5, postTest: nil) == [.postTestMissing])
        // 5 of 10: 500 < 600
        #expect(Self.rule.reasons(sessionsAttended: 5, sessionsHeld: 5, postTest: TestScore(points: 5, maximum: 10)) == [.postTestFailed])
        // every reason at once, in a fixed order
        #expect(Self.rule.reasons(sessionsAttended: 3, sessionsHeld: 5, postTest: nil) == [.attendance, .postTestMissing])
        #expect(CertificateReason.postTestMissing.rawValue == "post-test-missing")
        // an event without a post-test asks only for attendance
        let noTest = CertificateRule(minimumAttendancePercent: 80, requiresPostTest: false)
        #expect(noTest.isEligible(sessionsAttended: 4, sessionsHeld: 5, postTest: nil))
    }
}

@Suite struct AttendanceSheetTests {
    static let codes: Set<String> = ["R-7K3Q", "R-2B9M"]

    static func read(_ text: String, sessions: Int = 3) -> Result<[AttendanceMark], AttendanceSheetErrors> {
        AttendanceSheet.read(Array(text.utf8), file: "sheet.csv", sessions: sessions, codes: codes)
    }

    @Test func aGoodSheetWithDuplicatesAndWalkIns() throws {
        let text = """
        registration,name,session,present
        R-7K3Q,,1,yes
        r-7k3q,,1,Po
        ,Ana  Hoxha,2,да
        R-2B9M,Besa Krasniqi,2,ne
        ,,,
        R-2B9M,,2,DA
        ,ana hoxha,2,jo
        """
        let marks = try Self.read(text).get()
        // line 3 repeats line 2 (code in another case): one mark; line 7 repeats line 5 and says present, so present
        // wins; line 8 is the walk-in of line 4 in another case; the blank line 6 is skipped
        #expect(marks == [
            AttendanceMark(attendee: .registration("R-7K3Q"), session: 1, present: true, line: 2),
            AttendanceMark(attendee: .walkIn("Ana Hoxha"), session: 2, present: true, line: 4),
            AttendanceMark(attendee: .registration("R-2B9M"), session: 2, present: true, line: 5),
        ])
    }

    @Test func badRowsAreRefusedWithTheirLines() {
        let text = """
        registration,name,session,present
        R-0000,,1,yes
        R-7K3Q,,0,yes
        R-7K3Q,,4,yes
        R-7K3Q,,two,yes
        R-7K3Q,,1,maybe
        ,,1,yes
        R-2B9M,,3,no
        """
        guard case let .failure(failure) = Self.read(text) else { Issue.record("accepted"); return }
        // sessions are 1…3: 0, 4 and "two" are out; the last line is good but the file is refused whole
        #expect(failure.errors.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(failure.errors.map(\.kind) == [
            .unknownRegistration("R-0000"), .sessionOutOfRange("0"), .sessionOutOfRange("4"), .sessionOutOfRange("two"),
            .notYesNo("maybe"), .nobody,
        ])
        #expect(failure.errors[0].description == "sheet.csv:2: no registration \"R-0000\" for this event")
    }

    @Test func aWrongColumnIsRefusedOnTheHeaderLine() {
        guard case let .failure(failure) = Self.read("registration,session,present,signature\nR-7K3Q,1,yes\n") else {
            Issue.record("accepted"); return
        }
        #expect(failure.errors.map(\.kind) == [.unknownColumn("signature")])
        #expect(failure.errors[0].description.hasPrefix("sheet.csv:1: unknown column \"signature\""))
        guard case let .failure(missing) = Self.read("name,session\nAna,1\n") else { Issue.record("accepted"); return }
        #expect(missing.errors.map(\.kind) == [.missingColumn("present")])
        guard case let .failure(repeated) = Self.read("registration,session,present,Session\nR-7K3Q,1,yes,2\n") else { Issue.record("accepted"); return }
        #expect(repeated.errors.map(\.kind) == [.repeatedColumn("session")])
    }

    @Test func anEventWithoutSessionsTakesNoMark() {
        guard case let .failure(failure) = Self.read("registration,session,present\nR-7K3Q,1,yes\n", sessions: 0) else {
            Issue.record("accepted"); return
        }
        #expect(failure.errors.map(\.kind) == [.sessionOutOfRange("1")])
    }

    @Test func unreadableCSVIsRefused() {
        guard case let .failure(failure) = Self.read("registration,session,present\n\"R-7K3Q,1,yes\n") else { Issue.record("accepted"); return }
        #expect(failure.errors.map(\.kind) == [.unreadable])
    }
}

@Suite struct DigCompSelfAssessmentTests {
    @Test func fifteenQuestionsThreePerArea() {
        #expect(DigCompSelfAssessment.questions.count == 15)
        for area in DigCompArea.allCases {
            let questions = DigCompSelfAssessment.questions.filter { $0.area == area }
            #expect(questions.count == 3)
            // each question's competence lies in its area (DigComp 2.2: competence "2.6" is in area 2)
            #expect(questions.allSatisfy { $0.competence.hasPrefix(area.code + ".") })
        }
        #expect(Set(DigCompSelfAssessment.questionIDs).count == 15)
        // ids are catalog-key safe: lowercase ASCII letters and hyphens
        #expect(DigCompSelfAssessment.questionIDs.allSatisfy { $0.allSatisfy { ("a"..."z").contains($0) || $0 == "-" } })
        // DigComp 2.2's five areas in order
        #expect(DigCompArea.allCases.map(\.name) == ["Information and data literacy", "Communication and collaboration",
                                                     "Digital content creation", "Safety", "Problem solving"])
    }

    @Test func levelsPerAreaFromTheSums() throws {
        let values = [0, 1, 2, /* area 1: 3 */ 1, 2, 1, /* area 2: 4 */ 2, 2, 2, /* area 3: 6 */ 3, 2, 2, /* area 4: 7 */ 3, 3, 3 /* area 5: 9 */]
        let answers = Dictionary(uniqueKeysWithValues: zip(DigCompSelfAssessment.questionIDs, values.map { " \($0) " }))
        let results = try DigCompSelfAssessment.assess(answers.merging(["csrf": "x"]) { a, _ in a }).get()
        #expect(results.map(\.sum) == [3, 4, 6, 7, 9])
        #expect(results.map(\.maximum) == [9, 9, 9, 9, 9])
        // 0–3 foundation, 4–6 intermediate, 7–9 advanced
        #expect(results.map(\.level) == [.foundation, .intermediate, .intermediate, .advanced, .advanced])
        #expect(results[0].nextStepsKey == "trainings.selfcheck.next.information.foundation")
        #expect(DigCompLevel.intermediate.proficiencyLevels == 3...4)
    }

    @Test func missingAndOutOfRangeAnswersAreRefusedById() {
        var answers = Dictionary(uniqueKeysWithValues: DigCompSelfAssessment.questionIDs.map { ($0, "2") })
        answers["information-search"] = nil
        answers["safety-devices"] = "4"
        answers["content-edit"] = "two"
        answers["problem-solving-gaps"] = "-1"
        answers["communication-identity"] = "  "
        guard case let .failure(failure) = DigCompSelfAssessment.assess(answers) else { Issue.record("accepted"); return }
        #expect(failure.problems.map { "\($0.questionID):\($0.code)" } == [
            "information-search:missing", "communication-identity:missing", "content-edit:out-of-range",
            "safety-devices:out-of-range", "problem-solving-gaps:out-of-range",
        ])
    }
}

@Suite struct CredentialClaimsTests {
    /// 2026-12-02T09:30:00Z: 1970…2025 is 56 years with 14 leap days (1972…2024) = 56 × 365 + 14 = 20454 days;
    /// Jan 1 → Dec 2 of 2026 (not a leap year) is 334 + 1 = 335 days; (20454 + 335) × 86400 + 9.5 × 3600
    /// = 20789 × 86400 + 34200 = 1 796 169 600 + 34 200 = 1 796 203 800 s.
    static let issued = Date(timeIntervalSince1970: 1_796_203_800)
    /// Three years later: 2027 (365) + 2028 (366, leap) + 2029 to Dec 2 (365) = 1096 days → + 94 694 400 s.
    static let expires = Date(timeIntervalSince1970: 1_890_898_200)

    static func certificate(holderID: String? = "urn:uuid:6f1e2d3c-0000-4000-8000-000000000001", until: Date? = nil) -> CertificateCredential {
        CertificateCredential(
            id: "https://iceda.example/en/trainings/certificates/urn:uuid:2b7a", name: "Using e-services safely",
            issuer: CredentialIssuer(id: "https://iceda.example/issuer", name: "ICEDA Platform"),
            holder: CredentialHolder(id: holderID, name: "Ana \"Ani\" Hoxha <test>"),
            achievement: CredentialAchievement(id: "https://iceda.example/trainings/achievements/e-services", name: "Using e-services safely",
                                               description: "Two-day training on e-government services.",
                                               criteria: "Attended at least 80 % of the sessions and passed the post-test."),
            validFrom: issued.addingTimeInterval(0.9), validUntil: until)
    }

    @Test func dateTimesAreUTCWithZ() {
        // a published instant: Unix time 1 700 000 000 is 2023-11-14 22:13:20 UTC
        #expect(CredentialClaims.dateTime(Date(timeIntervalSince1970: 1_700_000_000)) == "2023-11-14T22:13:20Z")
        #expect(CredentialClaims.dateTime(Self.issued) == "2026-12-02T09:30:00Z")
        // fractions of a second are cut, not rounded up
        #expect(CredentialClaims.dateTime(Self.issued.addingTimeInterval(0.9)) == "2026-12-02T09:30:00Z")
    }

    @Test func theCredentialHasTheRequiredFields() throws {
        let node = CredentialClaims.credential(Self.certificate())
        #expect(CredentialClaims.problems(Self.certificate()).isEmpty)
        #expect(node["@context"] == .array([.string("https://www.w3.org/ns/credentials/v2"),
                                            .string("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")]))
        #expect(node["type"] == .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")]))
        #expect(node["id"] == .string("https://iceda.example/en/trainings/certificates/urn:uuid:2b7a"))
        #expect(node["issuer"]?["id"] == .string("https://iceda.example/issuer"))
        #expect(node["issuer"]?["type"] == .array([.string("Profile")]))
        #expect(node["issuer"]?["name"] == .string("ICEDA Platform"))
        #expect(node["validFrom"] == .string("2026-12-02T09:30:00Z"))
        #expect(node["validUntil"] == nil)
        #expect(node["name"] == .string("Using e-services safely"))
        let subject = try #require(node["credentialSubject"])
        #expect(subject["type"] == .array([.string("AchievementSubject")]))
        #expect(subject["id"] == .string("urn:uuid:6f1e2d3c-0000-4000-8000-000000000001"))
        #expect(subject["identifier"]?[0]?["type"] == .string("IdentityObject"))
        #expect(subject["identifier"]?[0]?["identityType"] == .string("name"))
        #expect(subject["identifier"]?[0]?["hashed"] == .bool(false))
        #expect(subject["identifier"]?[0]?["identityHash"] == .string("Ana \"Ani\" Hoxha <test>"))
        let achievement = try #require(subject["achievement"])
        #expect(achievement["type"] == .array([.string("Achievement")]))
        for key in ["id", "name", "description"] { #expect(achievement[key] != nil) }
        #expect(achievement["criteria"]?["narrative"] == .string("Attended at least 80 % of the sessions and passed the post-test."))
    }

    @Test func theBasicExampleOfTheStandardHasTheSameShape() throws {
        // shared/standards/openbadges-3.0/example-basic-credential.json: the same member names at each level
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/standards/openbadges-3.0/example-basic-credential.json")
        let data = try Data(contentsOf: url)
        let example = try JSONDecoder().decode(JSONValue.self, from: data).node
        let ours = CredentialClaims.credential(Self.certificate())
        func keys(_ node: JSONNode?) -> Set<String> {
            guard case let .object(members)? = node else { return [] }
            return Set(members.map(\.0))
        }
        #expect(keys(ours) == keys(example))
        #expect(keys(ours["issuer"]) == keys(example["issuer"]))
        #expect(keys(ours["credentialSubject"]?["achievement"]) == keys(example["credentialSubject"]?["achievement"]))
        #expect(ours["@context"] == example["@context"])
        #expect(ours["type"] == example["type"])
    }

    @Test func theJSONRoundTrips() throws {
        for node in [CredentialClaims.credential(Self.certificate(until: Self.expires)), CredentialClaims.jwtPayload(Self.certificate(until: Self.expires))] {
            for pretty in [true, false] {
                let back = try JSONDecoder().decode(JSONValue.self, from: Data(node.serialized(pretty: pretty).utf8)).node
                #expect(back == canonical(node))
            }
        }
    }

    @Test func theJWTPayloadIsTheCredentialWithItsClaims() throws {
        let payload = CredentialClaims.jwtPayload(Self.certificate(until: Self.expires))
        // the credential's members at the top level, no `vc` wrapper
        #expect(payload["vc"] == nil)
        #expect(payload["credentialSubject"] != nil && payload["@context"] != nil)
        #expect(payload["iss"] == .string("https://iceda.example/issuer"))
        #expect(payload["jti"] == .string("https://iceda.example/en/trainings/certificates/urn:uuid:2b7a"))
        #expect(payload["sub"] == .string("urn:uuid:6f1e2d3c-0000-4000-8000-000000000001"))
        // NumericDates in whole seconds, equal to validFrom/validUntil as written (see the dates above)
        #expect(payload["nbf"] == .number("1796203800"))
        #expect(payload["exp"] == .number("1890898200"))
        #expect(payload["validUntil"] == .string("2029-12-02T09:30:00Z"))
        // a holder without an id: no sub, the name still identifies them
        let anonymous = CredentialClaims.jwtPayload(Self.certificate(holderID: nil))
        #expect(anonymous["sub"] == nil && anonymous["exp"] == nil)
        #expect(anonymous["credentialSubject"]?["id"] == nil)
        #expect(CredentialClaims.joseHeader(keyID: "https://iceda.example/keys#1").compact == #"{"alg":"EdDSA","kid":"https://iceda.example/keys#1","typ":"JWT"}"#)
    }

    @Test func anIncompleteCertificateIsFound() {
        var certificate = Self.certificate(holderID: nil, until: Self.issued)
        certificate.holder.name = " "
        certificate.achievement.criteria = ""
        #expect(CredentialClaims.problems(certificate) == ["holder", "achievement.criteria", "validUntil"])
    }
}

/// A JSON value read by `JSONDecoder`, which keeps booleans, numbers and strings apart.
private struct JSONValue: Decodable {
    var node: JSONNode

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var members: [String: JSONNode] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(JSONValue.self, forKey: key).node }
            node = .sortedObject(members)
        } else if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONNode] = []
            while !array.isAtEnd { elements.append(try array.decode(JSONValue.self).node) }
            node = .array(elements)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { node = .null } else if let bool = try? single.decode(Bool.self) { node = .bool(bool) } else if let int = try? single.decode(Int.self) {
                node = .integer(int)
            } else if let string = try? single.decode(String.self) { node = .string(string) } else { node = .double(try single.decode(Double.self)) }
        }
    }
}

/// The node with every object's members ordered by key, as `JSONValue` reads them.
private func canonical(_ node: JSONNode) -> JSONNode {
    switch node {
    case let .object(members): .sortedObject(Dictionary(uniqueKeysWithValues: members.map { ($0.0, canonical($0.1)) }))
    case let .array(elements): .array(elements.map(canonical))
    default: node
    }
}

@Suite struct OutreachRulesTests {
    @Test func countsMustAddUp() {
        // 10 women + 5 men = 15 people; ages 4 + 6 + 5 = 15: accepted
        #expect(OutreachRules.problems(OutreachCounts(women: 10, men: 5, otherGender: 0, youth: 4, adults: 6, older: 5, groups: ["roma": 15])).isEmpty)
        // ages 4 + 6 + 4 = 14 ≠ 15
        #expect(OutreachRules.problems(OutreachCounts(women: 10, men: 5, otherGender: 0, youth: 4, adults: 6, older: 4))
                == [OutreachProblem(field: "youth", key: "outreach.error.ages_sum")])
        // ages not recorded at all: accepted
        #expect(OutreachRules.problems(OutreachCounts(women: 1, men: 0, otherGender: 0)).isEmpty)
        #expect(OutreachRules.problems(OutreachCounts(women: 0, men: 0, otherGender: 0)) == [OutreachProblem(field: "women", key: "outreach.error.nobody")])
        // a group larger than the session, an unknown group, a negative count
        #expect(OutreachRules.problems(OutreachCounts(women: 2, men: 1, otherGender: 0, groups: ["elderly": 4, "aliens": 1]))
                == [OutreachProblem(field: "group-aliens", key: "outreach.error.group"), OutreachProblem(field: "group-elderly", key: "outreach.error.group_count")])
        #expect(OutreachRules.problems(OutreachCounts(women: -1, men: 3, otherGender: 0)) == [OutreachProblem(field: "women", key: "outreach.error.count")])
        // 3,000 + 2,001 = 5,001 > 5,000
        #expect(OutreachRules.problems(OutreachCounts(women: 3_000, men: 2_001, otherGender: 0)) == [OutreachProblem(field: "women", key: "outreach.error.too_many")])
    }

    @Test func feedbackIsShownFromFiveAnswers() {
        let four = FeedbackSummary(satisfaction: [5, 4, 4, 3])
        #expect(!four.isShown && four.meanTenths == nil && four.answers == 4)
        // (5 + 4 + 4 + 3 + 5) / 5 = 4.2; a 7 and a 0 are not answers on the scale
        let five = FeedbackSummary(satisfaction: [5, 4, 4, 3, 5, 7, 0])
        #expect(five.answers == 5 && five.counts == [0, 0, 1, 2, 2] && five.meanTenths == 42)
        #expect(FeedbackSummary(counts: [0, 0, 1, 2, 2]) == five && FeedbackSummary(counts: [0, 0, 1, 2]).answers == 3)
        // (5 + 5 + 4 + 4 + 4 + 4) / 6 = 26 / 6 = 4.333… → 4.3; (5 · 3 + 4 · 3) / 6 = 4.5 exactly → 45
        #expect(FeedbackSummary(satisfaction: [5, 5, 4, 4, 4, 4]).meanTenths == 43)
        #expect(FeedbackSummary(satisfaction: [5, 5, 5, 4, 4, 4]).meanTenths == 45)
        // 4.25 rounds half up to 4.3: (5 + 5 + 4 + 4 + 4 + 4 + 4 + 4) / 8 = 34 / 8 = 4.25
        #expect(FeedbackSummary(satisfaction: [5, 5, 4, 4, 4, 4, 4, 4]).meanTenths == 43)
    }
}
