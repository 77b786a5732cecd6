## Importing people from a spreadsheet

import-link = Import people from a spreadsheet
import-title = Import people from a spreadsheet
import-intro = If your organisation already keeps a list of panel members in a spreadsheet, you can add them all at once.
import-intro-columns = Save the spreadsheet as a CSV file or an Excel workbook (.xlsx). The first row must hold a heading for each column, with one row for each person under it. You will choose which column holds which detail on the next page. The spreadsheet must have:
import-intro-name = a column with each person's name
import-intro-consent = a column that says yes for each person who agreed to be on the panel – only add people who have agreed
import-intro-contact = a way to contact each person: an email address, a phone number, or post or an advocate as the preferred way to contact them
import-intro-check = Nothing is added until you have checked a report of every row and confirmed it.
import-intro-kept = We keep the file only until you import it. If you do not import it within 7 days, we delete it.
import-no-panels = This organisation has no panels yet. An organisation administrator needs to add a panel before people can be imported into it.
import-field-panel = Which panel are these people joining?
import-field-file = Upload the spreadsheet
import-field-file-hint = A CSV file (.csv) or an Excel workbook (.xlsx), with up to { $max } people. Only the first sheet of a workbook is read.
import-upload-button = Upload and continue
import-continue = continue this import

import-error-panel = Select the panel these people are joining
import-error-file-missing = Select a spreadsheet file to upload
import-error-file-type = The selected file must be a CSV file (.csv) or an Excel workbook (.xlsx). Save your spreadsheet in one of these formats and upload it again
import-error-file-old-excel = The selected file is an older or different kind of spreadsheet. Open it in your spreadsheet program, save it as an Excel workbook (.xlsx) or as CSV, and upload it again
import-error-file-empty = The selected file is empty. Upload a spreadsheet with a heading row and one row for each person
import-error-file-encoding = The selected file is not saved as UTF-8 text. In your spreadsheet program, save it as "CSV UTF-8" and upload it again
import-error-file-unreadable = The selected file could not be read. If it has a password, remove the password. Save it again as an Excel workbook (.xlsx) or as CSV and upload it again
import-error-file-no-header = The first row of the file looks like a person, not headings. Add a first row with a heading for each column, such as Name, Email and Consent, and upload it again
import-error-file-no-rows = The file has a heading row but no people under it. Add one row for each person and upload it again
import-error-file-too-many-rows = The file has more than { $max } people. Split it into smaller files and import each one
import-error-file-control-character = The file contains a hidden control character (such as a null character) that we cannot store. Save it again from your spreadsheet program, or remove the character, and upload it again
import-error-file-too-many-columns = The file has more than 100 columns. Remove the columns you do not need and upload it again

import-status-uploaded = Columns not chosen
import-status-mapped = Not confirmed
import-status-imported = Imported
import-status-expired = Deleted, not imported

import-recent-title = Recent imports
import-recent-none = No spreadsheets have been imported yet.
import-col-file = File
import-col-panel = Panel
import-col-when = Uploaded
import-col-by = By
import-col-status = Status
import-col-added = People added

## Choosing columns

import-columns-title = Match the columns
import-columns-intro = The file has { $count ->
    [one] 1 row
   *[other] { $count } rows
} of people to add to { $panel }.
import-columns-guessed = We have guessed which column holds which detail from the headings. Check each one and change any that are wrong. Choose "Not in the spreadsheet" for details the spreadsheet does not have.
import-columns-button = Continue
import-column-option = { $heading } (column { $letter })
import-column-option-no-heading = Column { $letter } (no heading)
import-column-choose = Choose a column
import-column-none = Not in the spreadsheet
import-error-column-unknown = Choose one of the spreadsheet's columns
import-error-column-twice = This column is already chosen for { $other }. Choose a different column for each detail
import-error-column-name-missing = Choose the column that holds each person's name
import-error-column-consent-missing = Choose the column that says whether each person agreed to be on the panel. If the spreadsheet has no such column, add one that says yes for each person who agreed

import-field-name = Name
import-field-name-hint = The name the person wants to be called by.
import-field-email = Email address
import-field-email-hint = Leave the cell empty for people who do not have email.
import-field-phone = Phone number
import-field-phone-hint = A UK mobile or landline, such as 07700 900123.
import-field-contact-method = Preferred way to contact them
import-field-contact-method-hint = Email, text message, phone call, post, or through their advocate. If it is empty, we use email, or phone if there is no email.
import-field-language = Language
import-field-language-hint = English or Welsh (Cymraeg). Empty cells mean English.
import-field-region = Region
import-field-region-hint = An English region or a UK nation, such as North East or Wales.
import-field-local-authority = Local authority
import-field-local-authority-hint = The council area they live in.
import-field-postal-address = Postal address
import-field-postal-address-hint = Kept encrypted. Needed for people who want to be contacted by post.
import-field-topics = Topics they care about
import-field-topics-hint = Separated by commas, such as Transport, Housing.
import-field-consent = Agreed to be on the panel
import-field-consent-hint = Must say yes for each person who agreed. Rows that do not say yes are not added.

## Checking the rows

import-check-title = Check the spreadsheet
import-check-panel = Panel
import-check-rows = Rows in the file
import-check-to-add = People who will be added
import-check-problem-rows = Rows with problems (not added)
import-check-existing = Already on the register (skipped)
import-problems-title = Problems to fix
import-problems-intro = Rows with problems will not be added. You can add everyone else now, then fix those rows in the spreadsheet and import them later. Or fix the spreadsheet and upload it again before adding anyone.
import-problems-summary-caption = Problems by type
import-problems-caption = Every problem, row by row
import-col-problem = Problem
import-col-how-many = Rows
import-col-row = Row
import-col-column = Column
import-existing-title = Already on the register
import-existing-intro = Someone with the same email address or phone number is already on the register, so these rows will be skipped. This is not an error.
import-existing-rows = Rows skipped:
import-preview-title = People who will be added
import-preview-caption = The first { $shown } of { $count ->
    [one] 1 person
   *[other] { $count } people
} who will be added
import-confirm-legend = Confirm the import
import-confirm-hint = By law you must have each person's agreement to hold their details. The spreadsheet will be recorded as your organisation's paper record of their agreement.
import-confirm-label = I confirm that each of these people agreed to be on { $panel }, and that our spreadsheet records their agreement
import-confirm-button = { $count ->
    [one] Add 1 person
   *[other] Add { $count } people
}
import-start-again = Upload a different file
import-nothing-to-add = No one in this file can be added. Fix the problems in the spreadsheet, then upload it again.
import-error-confirm = Confirm that these people agreed to be on the panel
import-error-changed = The register has changed since this report was made, so the number of people to add is different. Check the report again, then confirm
import-error-failed = Something went wrong, so no one from this spreadsheet was added. Try again. If it happens again, contact your site administrator
import-flash-completed = The people from the spreadsheet have been added to the panel.
import-flash-already-imported = This spreadsheet has already been imported. No one was added twice.
import-flash-expired = This upload was deleted because it was not imported within 7 days. Upload the spreadsheet again to import it.

import-kind-name-missing = Name missing
import-kind-name-too-long = Name too long
import-kind-email = Email address not valid
import-kind-phone = Phone number not valid
import-kind-phone-lost-zero = Phone number lost its first 0
import-kind-contact-method = Way to contact them not recognised
import-kind-needs-email = Contact by email, but no email address
import-kind-needs-phone = Contact by phone or text, but no phone number
import-kind-needs-address = Contact by post, but no postal address
import-kind-no-contact = No way to contact them
import-kind-language = Language not recognised
import-kind-region = Region not recognised
import-kind-topic = Topic not recognised
import-kind-too-long = Too long
import-kind-consent-missing = Agreement not recorded
import-kind-consent-not-yes = Did not say yes to joining
import-kind-duplicate = Same person twice in the file

import-problem-name-missing = The name is missing. Add the person's name, or delete the row if it is not a person.
import-problem-name-too-long = The name is longer than { $number } characters. Shorten it in the spreadsheet.
import-problem-email = '{ $value }' is not an email address. Correct it in the spreadsheet, or leave the cell empty if the person has no email.
import-problem-phone = '{ $value }' is not a phone number. Use a number such as 07700 900123, or leave the cell empty if the person has no phone.
import-problem-phone-lost-zero = '{ $value }' looks like a phone number that lost its first 0, which happens when a spreadsheet stores it as a number. Format the phone column as text and put the 0 back, for example 07700 900123.
import-problem-contact-method = '{ $value }' is not a way to contact people that we recognise. Use one of: { $accepted }. Or leave the cell empty.
import-problem-needs-email = The preferred way to contact them is email, but there is no email address. Add their email address, or choose another way to contact them.
import-problem-needs-phone = The preferred way to contact them is by phone or text, but there is no phone number. Add their phone number, or choose another way to contact them.
import-problem-needs-address = The preferred way to contact them is post, but there is no postal address. Add their address, or choose another way to contact them.
import-problem-no-contact = There is no way to contact this person. Add an email address or a phone number, or put post or advocate as the way to contact them.
import-problem-language = '{ $value }' is not a language we offer. Use English or Welsh (Cymraeg), or leave the cell empty for English.
import-problem-region = '{ $value }' is not a region we recognise. Use one of: { $accepted }. Or leave the cell empty.
import-problem-topic = '{ $value }' includes a topic we do not recognise. Use these, separated by commas: { $accepted }. Or leave the cell empty.
import-problem-too-long = This is longer than { $number } characters. Shorten it in the spreadsheet.
import-problem-consent-missing = The cell is empty, so we cannot tell whether this person agreed to be on the panel. Put yes if they agreed. If they have not agreed, do not add them.
import-problem-consent-not-yes = The cell says '{ $value }', not yes. Only people who agreed to be on the panel can be added. Put yes if they agreed, or delete the row.
import-problem-duplicate = This row has the same email address or phone number as row { $number }, so only row { $number } will be added. Delete one of the rows, or correct the details.

audit-action-import-uploaded = Spreadsheet uploaded for import
audit-action-import-mapped = Spreadsheet columns chosen
audit-action-import-completed = People imported from a spreadsheet
audit-action-import-expired = Unconfirmed import deleted after 7 days

# An import added a chunk at a time.
import-status-importing = Importing
notice-import-in-progress = This spreadsheet is being imported. People are added a few hundred at a time; the list below shows when it has finished.
notice-import-interrupted = The import stopped part-way. It will carry on by itself within the hour, and no one will be added twice.
