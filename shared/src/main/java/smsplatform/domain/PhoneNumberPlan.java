package smsplatform.domain;

import java.util.Optional;

/**
 * Reads the numbers customers write (DESIGN §4): the E.164 form and real region of a valid number an SMS can
 * reach, or nothing. Written without '+' or '00', a number is read as mainland China's. The numbering plans
 * themselves are a library's, outside the domain ({@code smsplatform.phone.LibPhoneNumberPlan}).
 */
public interface PhoneNumberPlan {

    Optional<PhoneNumber> parse(String written);
}
