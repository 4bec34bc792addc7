package smsplatform.domain;

/** The verified kind of the customer account, taken from the {@code account_type} JWT claim. */
public enum AccountType {
    ENTERPRISE, PUBLIC_INSTITUTION, INDIVIDUAL
}
