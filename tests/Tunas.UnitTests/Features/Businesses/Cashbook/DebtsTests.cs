using Tunas.Web.Features.Businesses.Cashbook;

namespace Tunas.UnitTests.Features.Businesses.Cashbook;

public sealed class DebtsTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static DebtLine Sale(long id, string customer, long amount, DateOnly on, DateOnly? due) => new(CashbookKind.Sale, on, customer, amount, due, id);

    private static DebtLine Payment(long id, string customer, long amount, DateOnly on) => new(CashbookKind.DebtPayment, on, customer, amount, null, id);

    [Fact]
    public void PaymentsPayTheOldestSaleFirstAndWhatIsLeftIsOverdueOrDueThisWeek()
    {
        var debtors = Debts.Owed(
        [
            Sale(1, "Bu Ani", 30_000, Today.AddDays(-20), Today.AddDays(-5)),
            Sale(2, "bu ani ", 50_000, Today.AddDays(-3), Today.AddDays(4)),
            Payment(3, "Bu Ani", 40_000, Today.AddDays(-1)),
            Sale(4, "Pak Joko", 10_000, Today, Today.AddDays(20)),
        ], Today);

        Assert.Equal(2, debtors.Count);
        var ani = debtors.Single(d => d.Customer == "Bu Ani");
        Assert.Equal((40_000L, 40_000L, 0L), (ani.Total, ani.DueThisWeek, ani.Overdue));
        var joko = debtors.Single(d => d.Customer == "Pak Joko");
        Assert.Equal((10_000L, 0L, 0L), (joko.Total, joko.DueThisWeek, joko.Overdue));
    }

    [Fact]
    public void APaidOffCustomerIsNotListed() =>
        Assert.Empty(Debts.Owed([Sale(1, "Bu Sri", 20_000, Today, null), Payment(2, "Bu Sri", 20_000, Today)], Today));

    [Fact]
    public void TheReminderIsWordedDifferentlyBeforeAndAfterTheDueDate()
    {
        var before = Uri.UnescapeDataString(Debts.Reminder("Bu Ani", 40_000, overdue: false));
        var after = Uri.UnescapeDataString(Debts.Reminder("Bu Ani", 40_000, overdue: true));

        Assert.StartsWith("https://wa.me/?text=", before, StringComparison.Ordinal);
        Assert.Contains("Rp40.000", before, StringComparison.Ordinal);
        Assert.Contains("akan jatuh tempo", before, StringComparison.Ordinal);
        Assert.Contains("sudah lewat jatuh tempo", after, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOwedSaleNeedsACustomerAndOnlyItHasADueDate()
    {
        var today = new DateOnly(2026, 3, 10);
        var (_, owed) = CashbookRules.Check(new EntryBody { ClientId = "a", Kind = "sale", OccurredOn = "2026-03-10", Item = "Kue", Amount = 5_000, Paid = false }, today);
        var (_, due) = CashbookRules.Check(new EntryBody { ClientId = "b", Kind = "expense", OccurredOn = "2026-03-10", Item = "Tepung", Amount = 5_000, DueOn = "2026-03-12" }, today);
        var (ok, none) = CashbookRules.Check(new EntryBody { ClientId = "c", Kind = "debtPayment", OccurredOn = "2026-03-10", Amount = 5_000, Customer = "Bu Ani" }, today);

        Assert.Equal("customer", Assert.Single(owed).Field);
        Assert.Equal("dueOn", Assert.Single(due).Field);
        Assert.Empty(none);
        Assert.Equal(CashbookKind.DebtPayment, ok!.Kind);
    }
}
