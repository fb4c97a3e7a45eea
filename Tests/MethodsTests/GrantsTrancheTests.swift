import Testing
@testable import Methods

private typealias F = GrantsFixtures

@Suite("Grants: payment tranches")
struct GrantsTrancheTests {
    /// 80 % of 13,333.33 = 10,666.664 → 10,666.66 (rounded down); 20 % would be 2,666.666, but the final
    /// tranche is the remainder: 13,333.33 − 10,666.66 = 2,666.67.
    @Test func eightyTwentyOfAnAwkwardAmount() throws {
        let tranches = try Grants.tranches(of: F.eur(13_333, 33), shares: [.percent(80), .percent(20)]).get()
        #expect(tranches == [F.eur(10_666, 66), F.eur(2_666, 67)])
        #expect(try Grants.Money.sum(tranches, currency: .eur) == F.eur(13_333, 33))
    }

    @Test func theRemainderAlwaysGoesToTheLastTranche() throws {
        // 100.00 in thirds of 33.33 %, 33.33 %, 33.34 %: 33.33 + 33.33 + 33.34.
        #expect(try Grants.tranches(of: F.eur(100), shares: [.init(3_333), .init(3_333), .init(3_334)]).get()
            == [F.eur(33, 33), F.eur(33, 33), F.eur(33, 34)])
        // One cent in 40/40/20: 0.004 → 0.00, 0.004 → 0.00, the last takes 0.01.
        #expect(try Grants.tranches(of: F.eur(0, 1), shares: [.percent(40), .percent(40), .percent(20)]).get()
            == [F.eur(0), F.eur(0), F.eur(0, 1)])
        // Lot 2's largest grant, 80/20: 5,600 + 1,400.
        #expect(try Grants.tranches(of: F.eur(7_000), shares: [.percent(80), .percent(20)]).get() == [F.eur(5_600), F.eur(1_400)])
        // A single tranche is the whole award.
        #expect(try Grants.tranches(of: F.eur(17_000), shares: [.whole]).get() == [F.eur(17_000)])
    }

    /// For many awards and plans, tranches sum exactly to the award, and every tranche but the last is the
    /// exact share rounded down (so the last is never short by more than one cent per earlier tranche).
    @Test func tranchesAlwaysSumToTheAward() throws {
        var generator = F.SplitMix64(state: 80_20)
        for _ in 0..<2_000 {
            let award = Grants.Money(minorUnits: Int64(generator.next(below: 10_000_000_00)), currency: .eur)
            let count = Int(generator.next(below: 4)) + 1
            var shares: [Grants.BasisPoints] = []
            var left: Int64 = 10_000
            for index in 0..<count {
                let share = index == count - 1 ? left : Int64(generator.next(below: UInt64(left - Int64(count - index - 1)))) + 1
                shares.append(.init(share))
                left -= share
            }
            let tranches = try Grants.tranches(of: award, shares: shares).get()
            #expect(try Grants.Money.sum(tranches, currency: .eur) == award)
            for (tranche, share) in zip(tranches.dropLast(), shares) {
                #expect(tranche.minorUnits == award.minorUnits * share.value / 10_000)
            }
            #expect(tranches.allSatisfy { !$0.isNegative })
        }
    }

    @Test func badPlansAreRefused() {
        #expect(Grants.tranches(of: F.eur(100), shares: []) == .failure(.noTranches))
        #expect(Grants.tranches(of: F.eur(100), shares: [.percent(80), .percent(10)]) == .failure(.sharesDoNotSumToWhole(.percent(90))))
        #expect(Grants.tranches(of: F.eur(100), shares: [.percent(100), .percent(0)]) == .failure(.trancheShareNotPositive(tranche: 2)))
        #expect(Grants.tranches(of: Grants.Money(minorUnits: -1, currency: .eur), shares: [.whole]) == .failure(.negativeAward))
        #expect(Grants.PaymentProblem.sharesDoNotSumToWhole(.percent(90)).code == "grants.payment.shares-not-100")
    }

    @Test func outstandingAfterPayments() {
        #expect(Grants.outstanding(award: F.eur(13_333, 33), payments: [F.eur(10_666, 66)]) == .success(F.eur(2_666, 67)))
        #expect(Grants.outstanding(award: F.eur(13_333, 33), payments: [F.eur(10_666, 66), F.eur(2_666, 67)]) == .success(F.eur(0)))
        #expect(Grants.outstanding(award: F.eur(13_333, 33), payments: [F.eur(10_666, 66), F.eur(2_666, 68)])
            == .failure(.overpayment(excess: F.eur(0, 1))))
        #expect(Grants.outstanding(award: F.eur(100), payments: [Grants.Money(1, .mkd)]) == .failure(.currencyMismatch(expected: .eur, found: .mkd)))
        #expect(Grants.outstanding(award: F.eur(100), payments: [F.eur(0)]) == .failure(.paymentNotPositive))
    }
}
