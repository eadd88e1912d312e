// Start GOV.UK Frontend's components (service navigation menu, error summary,
// notification banners, ...). Loaded as <script type="module">; initAll() only
// runs when the body has the `govuk-frontend-supported` class.
import { initAll } from './govuk-frontend.min.js'

initAll()
