import { createApp } from 'vue'
import { createAccountPlugin } from 'kinde-account-sync/vue'
import { createDemoStore, resumeSession } from '../../shared/demo'
import '../../shared/style.css'
import App from './App.vue'

// One store for the app, provided to every component by the plugin.
const store = createDemoStore()
createApp(App).use(createAccountPlugin(store)).mount('#app')
resumeSession(store)
