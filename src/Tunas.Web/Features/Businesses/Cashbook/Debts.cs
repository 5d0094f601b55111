namespace Tunas.Web.Features.Businesses.Cashbook;

/// <summary>An owed sale or a payment on a debt, as the debtors list needs it.</summary>
public sealed record DebtLine(CashbookKind Kind, DateOnly OccurredOn, string Customer, long Amount, DateOnly? DueOn, long Id);

/// <summary>What one customer still owes: in all, due within the coming week, and past its due date.</summary>
public sealed record Debtor(string Customer, long Total, long DueThisWeek, long Overdue, DateOnly? NextDueOn, string WhatsAppUrl);

/// <summary>Who owes what. Pure: payments pay off a customer's oldest owed sales first.</summary>
public static class Debts
{
    public static IReadOnlyList<Debtor> Owed(IEnumerable<DebtLine> lines, DateOnly today)
    {
        var debtors = new List<Debtor>();
        foreach (var customer in lines.GroupBy(l => l.Customer.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var paid = customer.Where(l => l.Kind == CashbookKind.DebtPayment).Sum(l => l.Amount);
            long total = 0, week = 0, overdue = 0;
            DateOnly? next = null;
            foreach (var sale in customer.Where(l => l.Kind == CashbookKind.Sale).OrderBy(l => l.OccurredOn).ThenBy(l => l.Id))
            {
                var covered = Math.Min(paid, sale.Amount);
                paid -= covered;
                var open = sale.Amount - covered;
                if (open == 0)
                {
                    continue;
                }
                total += open;
                if (sale.DueOn is { } due)
                {
                    if (due < today)
                    {
                        overdue += open;
                    }
                    else if (due <= today.AddDays(7))
                    {
                        week += open;
                    }
                    next = next is { } n && n <= due ? n : due;
                }
            }
            if (total > 0)
            {
                debtors.Add(new Debtor(customer.First().Customer.Trim(), total, week, overdue, next, Reminder(customer.First().Customer.Trim(), total, overdue > 0)));
            }
        }
        return [.. debtors.OrderByDescending(d => d.Overdue).ThenByDescending(d => d.Total).ThenBy(d => d.Customer, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// A wa.me link with the reminder typed in, for her to pick the customer in WhatsApp: a gentle note before the due
    /// date, a plain request once it has passed. In Indonesian, since it goes to her neighbours.
    /// </summary>
    public static string Reminder(string customer, long total, bool overdue)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, overdue ? AfterDue : BeforeDue, customer, Rupiah(total));
        return "https://wa.me/?text=" + Uri.EscapeDataString(text);
    }

    /// <summary>{0} the customer, {1} the amount; the page's script fills the same sentences when offline.</summary>
    public const string BeforeDue = "Halo {0}, sekadar mengingatkan tagihan sebesar {1} yang akan jatuh tempo. Terima kasih atas kepercayaannya.";

    public const string AfterDue = "Halo {0}, mohon maaf mengganggu. Tagihan sebesar {1} sudah lewat jatuh tempo. Mohon dibayar secepatnya ya. Terima kasih.";

    public static string Rupiah(long amount) =>
        "Rp" + amount.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
}
