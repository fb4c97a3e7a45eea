// Demo citizen guides, one per country, in English and the country's language. Invented for trying the platform:
// each says so and sends the reader to the official site for the current steps.
import Fluent
import Foundation
import Localization
import Methods

enum GuidesDemo {
    typealias Text = [AppLocale: String]

    static let guides: [(slug: String, country: String, service: String, url: String, title: Text, summary: Text, needs: Text, steps: Text, fees: Text)] = [
        ("al-birth-certificate", "AL", "family/3.2", "https://e-albania.al/",
         [.en: "Get a birth certificate online", .sq: "Merrni certifikatën e lindjes në internet"],
         [.en: "Demo guide, invented for trying the platform: check the official site for the current steps.",
          .sq: "Udhëzues demonstrues, i shpikur për të provuar platformën: kontrolloni faqen zyrtare për hapat e sotëm."],
         [.en: "An account on the national portal\nYour personal number (from the ID card)\nAn e-mail address or a phone",
          .sq: "Një llogari në portalin kombëtar\nNumri juaj personal (nga letërnjoftimi)\nNjë adresë e-maili ose një telefon"],
         [.en: "Open the national portal from its official address (type it yourself)\nSign in with your account\nSearch for \"birth certificate\" and open the service\nCheck your details and confirm\nDownload the certificate with its electronic seal",
          .sq: "Hapni portalin kombëtar nga adresa e tij zyrtare (shkruajeni vetë)\nHyni me llogarinë tuaj\nKërkoni \"certifikatë lindjeje\" dhe hapni shërbimin\nKontrolloni të dhënat dhe konfirmoni\nShkarkoni certifikatën me vulën elektronike"],
         [.en: "Free on the portal.", .sq: "Falas në portal."]),
        ("xk-civil-status-certificate", "XK", "", "https://ekosova.rks-gov.net/",
         [.en: "Civil status certificates through eKosova", .sq: "Certifikatat e gjendjes civile përmes eKosovës"],
         [.en: "Demo guide, invented for trying the platform: check the official site for the current steps.",
          .sq: "Udhëzues demonstrues, i shpikur për të provuar platformën: kontrolloni faqen zyrtare për hapat e sotëm."],
         [.en: "An eKosova account (registration needs your ID card and a phone)\nThe name and date of birth of the person the certificate is about",
          .sq: "Një llogari në eKosova (regjistrimi kërkon letërnjoftimin dhe një telefon)\nEmri dhe data e lindjes së personit për të cilin është certifikata"],
         [.en: "Open eKosova from its official address\nSign in\nChoose the certificate you need\nPay the fee online if there is one\nDownload or print the certificate",
          .sq: "Hapni eKosovën nga adresa e saj zyrtare\nHyni\nZgjidhni certifikatën që ju nevojitet\nPaguani tarifën në internet nëse ka\nShkarkoni ose shtypni certifikatën"],
         [.en: "A small fee for some certificates.", .sq: "Një tarifë e vogël për disa certifikata."]),
        ("me-passport", "ME", "family/3.1", "https://www.euprava.me/",
         [.en: "Apply for a passport appointment", .srLatn: "Zakazivanje termina za pasoš"],
         [.en: "Demo guide, invented for trying the platform: check the official site for the current steps.",
          .srLatn: "Demo vodič, izmišljen za isprobavanje platforme: proverite zvanični sajt za aktuelne korake."],
         [.en: "Your ID card\nA phone number for the confirmation", .srLatn: "Lična karta\nBroj telefona za potvrdu"],
         [.en: "Open the e-government portal from its official address\nFind the passport service\nChoose a police office and a time\nCome on time with your ID card; the photo is taken there",
          .srLatn: "Otvorite portal e-uprave sa njegove zvanične adrese\nPronađite uslugu za pasoš\nIzaberite područnu jedinicu policije i termin\nDođite na vreme sa ličnom kartom; fotografisanje je na licu mesta"],
         [.en: "The passport fee is paid before the appointment.", .srLatn: "Taksa za pasoš plaća se pre termina."]),
        ("mk-doctor-appointment", "MK", "health/2.1", "https://uslugi.gov.mk/",
         [.en: "Book a specialist appointment", .mk: "Закажете преглед кај специјалист"],
         [.en: "Demo guide, invented for trying the platform: check the official site for the current steps.",
          .mk: "Демонстративен водич, измислен за пробување на платформата: проверете ги актуелните чекори на официјалната страница."],
         [.en: "A referral from your family doctor\nYour health insurance number", .mk: "Упат од вашиот матичен лекар\nБројот на здравственото осигурување"],
         [.en: "Ask your family doctor for the referral\nOpen the national e-services portal from its official address\nChoose the hospital and a free time\nKeep the confirmation number",
          .mk: "Побарајте упат од матичниот лекар\nОтворете го националниот портал за е-услуги од неговата официјална адреса\nИзберете болница и слободен термин\nЧувајте го бројот на потврдата"],
         [.en: "Covered by health insurance.", .mk: "Покриено со здравственото осигурување."]),
        ("rs-birth-certificate", "RS", "family/3.2", "https://euprava.gov.rs/",
         [.en: "Get a birth certificate from eUprava", .srLatn: "Izvod iz matične knjige rođenih preko eUprave"],
         [.en: "Demo guide, invented for trying the platform: check the official site for the current steps.",
          .srLatn: "Demo vodič, izmišljen za isprobavanje platforme: proverite zvanični sajt za aktuelne korake."],
         [.en: "An eUprava account or a qualified electronic certificate\nYour personal number (JMBG)", .srLatn: "Nalog na eUpravi ili kvalifikovani elektronski sertifikat\nVaš JMBG"],
         [.en: "Open eUprava from its official address\nSign in\nFind \"birth certificate\" and start the request\nPay the fee online\nThe certificate arrives in your eUprava inbox or by post",
          .srLatn: "Otvorite eUpravu sa njene zvanične adrese\nPrijavite se\nPronađite \"izvod iz matične knjige rođenih\" i pokrenite zahtev\nPlatite taksu onlajn\nIzvod stiže u vaše sanduče na eUpravi ili poštom"],
         [.en: "An administrative fee, paid online.", .srLatn: "Administrativna taksa, plaća se onlajn."]),
    ]

    static func seed(on database: Database) async throws -> Int {
        guard try await CitizenGuide.query(on: database).count() == 0 else { return 0 }
        for item in guides {
            let guide = CitizenGuide()
            guide.version = 0
            guide.slug = item.slug
            guide.country = item.country
            guide.service = item.service
            guide.title = LocalizedText(item.title)
            guide.summary = LocalizedText(item.summary)
            guide.needs = LocalizedText(item.needs)
            guide.steps = LocalizedText(item.steps)
            guide.fees = LocalizedText(item.fees)
            guide.officialURL = item.url
            guide.updatedOn = CalendarDate(utc: Date()).iso
            guide.published = true
            try await guide.create(on: database)
        }
        return guides.count
    }
}
