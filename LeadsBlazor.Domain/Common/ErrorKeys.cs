namespace LeadsBlazor.Domain.Common;

/// <summary>The message keys of <see cref="DomainException"/>; each has a German and an English text in the Web project's resources.</summary>
public static class ErrorKeys
{
    public const string Required = "Error.Required";
    public const string TooLong = "Error.TooLong";
    public const string NegativeAmount = "Error.NegativeAmount";
    public const string AmountTooLarge = "Error.AmountTooLarge";
    public const string TooManyDecimals = "Error.TooManyDecimals";
    public const string UnknownCurrency = "Error.UnknownCurrency";
    public const string CurrencyMismatch = "Error.CurrencyMismatch";
    public const string ProbabilityOutOfRange = "Error.ProbabilityOutOfRange";
    public const string StageRequired = "Error.StageRequired";
    public const string UnknownStage = "Error.UnknownStage";
    public const string NextActionRequired = "Error.NextActionRequired";
    public const string DuplicateName = "Error.DuplicateName";
    public const string StatusMoveNotAllowed = "Error.StatusMoveNotAllowed";
    public const string ReasonRequired = "Error.ReasonRequired";
    public const string LastStage = "Error.LastStage";
    public const string MoveTargetRequired = "Error.MoveTargetRequired";
    public const string InvalidColor = "Error.InvalidColor";
    public const string InvalidPeriod = "Error.InvalidPeriod";
    public const string InvalidRate = "Error.InvalidRate";
    public const string UnknownTimeZone = "Error.UnknownTimeZone";
    public const string HourOutOfRange = "Error.HourOutOfRange";
    public const string OwnerOnly = "Error.OwnerOnly";
    public const string LastOwner = "Error.LastOwner";
    public const string TwoFactorFirst = "Error.TwoFactorFirst";
    public const string CurrencyInUse = "Error.CurrencyInUse";
    public const string AccountCurrencyFixed = "Error.AccountCurrencyFixed";
    public const string UnknownReason = "Error.UnknownReason";
    public const string DuplicateEmail = "Error.DuplicateEmail";
    public const string InvalidEmail = "Error.InvalidEmail";
    public const string ImportClosedStatus = "Error.ImportClosedStatus";
    public const string InvitationNotSent = "Error.InvitationNotSent";
    public const string UnknownLead = "Error.UnknownLead";
    public const string UnknownUser = "Error.UnknownUser";
    public const string UnknownLabel = "Error.UnknownLabel";
    public const string UnknownCompany = "Error.UnknownCompany";
    public const string UnknownContact = "Error.UnknownContact";
    public const string UnknownAttachment = "Error.UnknownAttachment";
    public const string NotAnAmount = "Error.NotAnAmount";
    public const string DateOutOfRange = "Error.DateOutOfRange";
    public const string CurrencyNotInAccount = "Error.CurrencyNotInAccount";
    public const string UnknownCountry = "Error.UnknownCountry";
    public const string InvalidPrefix = "Error.InvalidPrefix";
    public const string PersonHasLeads = "Error.PersonHasLeads";
    public const string CompanyHasLeads = "Error.CompanyHasLeads";
    public const string MergeIntoItself = "Error.MergeIntoItself";
    public const string PersonOfOtherCompany = "Error.PersonOfOtherCompany";
    public const string PercentOutOfRange = "Error.PercentOutOfRange";
}
