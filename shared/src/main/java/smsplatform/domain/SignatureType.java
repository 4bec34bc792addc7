package smsplatform.domain;

/** What the signature identifies. */
public enum SignatureType {
    COMPANY, APP, WEBSITE, WECHAT_OFFICIAL_ACCOUNT, WECHAT_MINI_PROGRAM, TRADEMARK, GOVERNMENT
}
